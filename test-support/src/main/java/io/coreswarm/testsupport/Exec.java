package io.coreswarm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool (openssl, docker, etcdctl) and keeps its exit code and output, for assertions. */
public record Exec(List<String> command, int exitCode, String output) {

    public static Exec run(List<String> command) {
        return run(command, Map.of(), null);
    }

    /** Runs {@code command} with {@code env} added to an environment cleared of DOCKER_* and ETCD* variables. */
    public static Exec run(List<String> command, Map<String, String> env, Path workDir) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("DOCKER_") || k.startsWith("ETCD"));
        builder.environment().putAll(env);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        try {
            Path out = Files.createTempFile("exec", ".out");
            try {
                Process process = builder.redirectOutput(out.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("still running after 60 s: " + command);
                }
                return new Exec(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }

    public static Exec run(String... command) {
        return run(List.of(command));
    }

    /** Runs and fails the test unless the exit code is 0; returns the output. */
    public static String ok(String... command) {
        Exec exec = run(command);
        if (exec.exitCode != 0) {
            throw new AssertionError("exit " + exec.exitCode + " from " + String.join(" ", command) + ":\n" + exec.output);
        }
        return exec.output;
    }
}
