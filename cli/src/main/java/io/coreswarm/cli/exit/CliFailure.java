package io.coreswarm.cli.exit;

/**
 * A failure with its message for people and its exit code. Thrown anywhere in a command; the
 * {@link FailureHandler} prints the message (no stack trace) and exits with the code.
 */
public class CliFailure extends RuntimeException {
    private final ExitCode exitCode;

    public CliFailure(ExitCode exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
