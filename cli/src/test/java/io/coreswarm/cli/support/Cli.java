package io.coreswarm.cli.support;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged CLI ({@code target/quarkus-app/quarkus-run.jar}, what cli/coreswarm runs) as a
 * process: its exit code, stdout and stderr. The environment is the test's only: the services'
 * URLs and CORESWARM_HOME it is given, nothing inherited that could point elsewhere.
 */
public final class Cli {
    private final Map<String, String> env = new HashMap<>();

    /** What a run of the CLI gave. */
    public record Run(int exitCode, String out, String err) {
        /** Whatever failed, the user never sees a stack trace. */
        public Run noStackTrace() {
            assertFalse(err.contains("\tat ") || err.contains("Exception"), () -> "a stack trace on stderr:\n" + err);
            assertFalse(out.contains("\tat ") || out.contains("Exception"), () -> "a stack trace on stdout:\n" + out);
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public Cli(Path home) {
        env.put("CORESWARM_HOME", home.toString());
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", home.toString());
        // nothing listens on port 1: a command that reaches for a service the test did not give fails fast
        env.put("CORESWARM_CONFIG_URL", "http://127.0.0.1:1");
        env.put("CORESWARM_PROVISIONER_URL", "http://127.0.0.1:1");
        env.put("CORESWARM_MONITOR_URL", "http://127.0.0.1:1");
    }

    public Cli with(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Run run(String... args) throws IOException, InterruptedException {
        return runIn(Path.of("."), args);
    }

    public Run runIn(Path dir, String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("coreswarm " + String.join(" ", args) + " ran over 60 s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
