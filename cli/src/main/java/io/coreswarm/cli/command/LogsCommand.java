package io.coreswarm.cli.command;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.cli.exit.ExitCode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.subscription.Cancellable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code GET /v1/operations/{id}/log} (server-sent events). The stream replays what was logged,
 * then follows: with {@code -f} it is read to the operation's end and the exit code says how it
 * ended; without, a finished operation's log is printed whole, a running one's up to the moment
 * the replay pauses.
 */
@RegisterForReflection
@Command(name = "logs", description = "Print an operation's log; -f follows it until the operation ends.")
class LogsCommand extends ServiceCommand {
    /** The replay of what was logged arrives at once; this long without a line ends it. */
    static final Duration REPLAY_PAUSE = Duration.ofMillis(750);

    @Parameters(paramLabel = "OP", description = "the operation's id")
    String id;

    @Option(names = { "-f", "--follow" }, description = "follow until the operation ends; exit 1 if it failed")
    boolean follow;

    @Override
    public Integer call() throws InterruptedException {
        Operation op = services().operations().get(id);
        OperationWatch watch = new OperationWatch(services(), out(), err());
        if (follow || op.state().finished()) {
            Operation done = watch.follow(id, out());
            return follow ? OperationWatch.exitCode(done) : ExitCode.OK.code();
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Cancellable stream = services().operationStreams().log(id).subscribe().with(lines::add, failure -> lines.add("\0"),
                () -> lines.add("\0"));
        try {
            for (String line = lines.poll(5, TimeUnit.SECONDS); line != null && !line.equals("\0");
                    line = lines.poll(REPLAY_PAUSE.toMillis(), TimeUnit.MILLISECONDS)) {
                out().println(line);
            }
            out().flush();
        } finally {
            stream.cancel();
        }
        return ExitCode.OK.code();
    }
}
