package io.coreswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The command tree in process (no service is called): help everywhere, usage errors, completion. */
class CommandTreeTest {
    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine line = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine root = Main.commandLine();
        root.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias (list)
            }
            Result help = run(name, "--help");
            assertEquals(0, help.exitCode(), name);
            assertTrue(help.out().startsWith("Usage: coreswarm " + name), help.out());
        });
        Result load = run("images", "load", "--help");
        assertTrue(load.out().startsWith("Usage: coreswarm images load [-hVw]"), load.out());
        assertTrue(load.out().contains("--provisioner-url=URL"), load.out());
    }

    @Test
    void theRootHelpDocumentsTheExitCodes() {
        Result help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Exit codes:"), help.out());
        assertTrue(help.out().contains("5  a service is unreachable"), help.out());
    }

    @Test
    void usageErrorsExitTwoWithoutAStackTrace() {
        for (String[] args : new String[][] { {}, { "scale", "demo" }, { "scale", "demo", "many" }, { "frobnicate" },
                { "ls", "-o", "xml" }, { "replicas", "--service", "scheduler" }, { "env", "demo", "--shell", "tcsh" }, { "images" } }) {
            Result r = run(args);
            assertEquals(2, r.exitCode(), () -> String.join(" ", args) + ": " + r);
            assertTrue(r.err().startsWith("coreswarm: "), r.err());
            assertTrue(!r.err().contains("\tat ") && !r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void completionIsABashScriptForTheWholeTree() {
        Result r = run("completion", "bash");

        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("complete -F _complete_coreswarm"), r.out());
        assertTrue(r.out().contains("commands=\"create ls list get scale halt resume rm logs cancel env health info events images "
                + "certs regenerate-certs render validate replicas completion\""), r.out());
        assertTrue(run("completion", "zsh").out().startsWith("autoload -U +X compinit"));
    }
}
