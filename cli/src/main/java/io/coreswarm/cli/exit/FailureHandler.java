package io.coreswarm.cli.exit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns whatever a command throws into one line on stderr and an {@link ExitCode}: a
 * {@link CliFailure} as it is, an unreachable service as {@code UNREACHABLE}, anything else as
 * {@code FAILED} with its message. Never a stack trace: a CLI's user cannot act on one.
 */
public class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        CliFailure failure = classify(e);
        line.getErr().println("coreswarm: " + failure.getMessage());
        line.getErr().flush();
        return failure.exitCode().code();
    }

    /** Bad flags or arguments: the message and the command's usage, exit 2. */
    public static int usage(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        line.getErr().println("coreswarm: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, line.getErr())) {
            line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help'.");
        }
        line.getErr().flush();
        return ExitCode.USAGE.code();
    }

    /** The failure {@code e} means, walking its causes for the ones that say a service is unreachable. */
    public static CliFailure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CliFailure f) {
                return f;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return new CliFailure(ExitCode.UNREACHABLE, "service unreachable: " + describe(t));
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return new CliFailure(ExitCode.UNREACHABLE, "service did not answer in time: " + describe(t));
            }
            if (t instanceof JsonProcessingException json) {
                return new CliFailure(ExitCode.FAILED, "the service's answer does not read as this CLI expects (are both the "
                        + "same version?): " + json.getOriginalMessage());
            }
            if (t instanceof NoSuchFileException n) {
                return new CliFailure(ExitCode.USAGE, "no such file: " + n.getFile());
            }
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                if (t.getCause() == null || !(t.getCause() instanceof IOException)) {
                    return new CliFailure(ExitCode.FAILED, describe(t));
                }
            }
        }
        return new CliFailure(ExitCode.FAILED, describe(e));
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
