package io.coreswarm.config.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Asks the real Ruby (the one Vagrant runs on) what a rendered file means. */
public final class RubyCheck {
    /** Stands in for Vagrant's entry point so a Vagrantfile's constants can be read without Vagrant. */
    private static final String NO_VAGRANT = "module Vagrant; def self.configure(*); end; def self.require_version(*); end; end; ";

    private RubyCheck() {
    }

    public static void assertParses(String source) {
        run(source, "-c", null);
    }

    /** Loads the file and prints {@code expression}: what the value really is once Ruby has read it. */
    public static String evaluate(String source, String expression) {
        return run(source, "-e", NO_VAGRANT + "load ARGV[0]; print(" + expression + ")");
    }

    private static String run(String source, String flag, String script) {
        try {
            Path file = Files.createTempFile("rendered", ".rb");
            Files.writeString(file, source);
            ProcessBuilder pb = script == null ? new ProcessBuilder("ruby", flag, file.toString())
                    : new ProcessBuilder("ruby", flag, script, file.toString());
            Process ruby = pb.redirectErrorStream(true).start();
            String output = new String(ruby.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, ruby.waitFor(), () -> "ruby failed: " + output + "\n" + source);
            Files.delete(file);
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run ruby", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
