package io.coreswarm.cli.command;

import java.io.PrintWriter;
import java.time.Duration;

import jakarta.ws.rs.core.Response;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.operation.OperationState;
import io.coreswarm.cli.client.ProblemResponses;
import io.coreswarm.cli.client.Services;
import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;
import io.coreswarm.cli.output.Output;

/**
 * The operation a lifecycle call started: reported at once, or followed to its end ({@code --wait}):
 * its log as it is written (the SSE stream), then its final state decides the exit code.
 * Progress goes to stderr, so that {@code -o json} or {@code --field id} leaves only the
 * operation on stdout.
 */
final class OperationWatch {
    /** After the log stream ends (or drops), how long to poll for the final state. */
    static final Duration SETTLE = Duration.ofSeconds(30);

    private final Services services;
    private final PrintWriter out;
    private final PrintWriter err;

    OperationWatch(Services services, PrintWriter out, PrintWriter err) {
        this.services = services;
        this.out = out;
        this.err = err;
    }

    /** The operation in a 202 answer. */
    static Operation accepted(Response response) {
        try (response) {
            if (response.getStatus() >= 400) {
                throw ProblemResponses.failure(response, null);
            }
            return response.readEntity(Operation.class);
        }
    }

    /** Reports {@code started}; with {@code wait}, follows it and answers the exit code of how it ended. */
    int report(Operation started, boolean wait, Output format) {
        if (!wait) {
            print(started, format);
            return ExitCode.OK.code();
        }
        err.printf("%s %s: operation %s%n", started.kind(), started.cluster(), started.id());
        err.flush();
        Operation done = follow(started.id(), err);
        print(done, format);
        return exitCode(done);
    }

    /** Prints each log line to {@code lines} as it is written, until the operation ends; answers it as it ended. */
    Operation follow(String id, PrintWriter lines) {
        try {
            for (String line : services.operationStreams().log(id).subscribe().asIterable()) {
                lines.println(line);
                lines.flush();
            }
        } catch (CliFailure f) {
            throw f;
        } catch (RuntimeException e) {
            CliFailure f = io.coreswarm.cli.exit.FailureHandler.classify(e);
            if (f.exitCode() != ExitCode.FAILED) {
                throw f; // the operation or the service is gone: polling would not help
            }
            lines.println("(the log stream ended early: " + f.getMessage() + "; waiting for the result)");
            lines.flush();
        }
        return settle(id);
    }

    private Operation settle(String id) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Operation op = services.operations().get(id);
        while (!op.state().finished()) {
            if (System.nanoTime() > deadline) {
                // the log ended but the operation did not: follow it again rather than give up
                return follow(id, err);
            }
            sleep();
            op = services.operations().get(id);
        }
        return op;
    }

    void print(Operation op, Output format) {
        if (format.table()) {
            StringBuilder line = new StringBuilder()
                    .append(op.kind()).append(' ').append(op.cluster()).append(": operation ").append(op.id())
                    .append(' ').append(op.state());
            if (op.progress() != null && op.progress().step() != null) {
                line.append(" (").append(op.progress().step()).append(')');
            }
            if (op.error() != null) {
                line.append(": ").append(op.error());
            }
            out.println(line);
            out.flush();
        } else {
            format.print(op, out);
        }
    }

    static int exitCode(Operation op) {
        return op.state() == OperationState.SUCCEEDED ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.FAILED, "interrupted");
        }
    }
}
