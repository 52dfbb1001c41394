package io.coreswarm.cli.command;

import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.cli.output.Output;
import io.coreswarm.cli.output.Table;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * monitor-service's events of a cluster: the list seen so far, or with {@code -f} each one as it
 * is seen (the server-sent stream, {@code ClusterHealthApi.follow}), until interrupted.
 */
@RegisterForReflection
@Command(name = "events", description = "Show the changes monitor-service saw in a cluster; -f follows them live.")
class EventsCommand extends ServiceCommand {

    @Parameters(paramLabel = "NAME", description = "the cluster")
    String name;

    @Option(names = { "-f", "--follow" }, description = "print each change as it is seen, until interrupted (Ctrl-C)")
    boolean follow;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        if (follow) {
            for (HealthEvent e : services().healthStreams().follow(name).subscribe().asIterable()) {
                if (output.table()) {
                    out().println(line(e));
                    out().flush();
                } else {
                    output.printEach(e, out());
                }
            }
            return 0;
        }
        var events = services().health().events(name);
        if (!output.table()) {
            output.print(events, out());
            return 0;
        }
        Table table = new Table("TIME", "KIND", "SUBJECT", "CHANGE", "MESSAGE");
        for (HealthEvent e : events) {
            table.row(e.time(), e.kind(), e.subject(), change(e), e.message());
        }
        table.print(out());
        return 0;
    }

    private static String line(HealthEvent e) {
        return e.time() + "  " + e.kind() + "  " + (e.subject() == null ? "-" : e.subject()) + "  " + change(e)
                + (e.message() == null ? "" : "  " + e.message());
    }

    private static String change(HealthEvent e) {
        return e.from() == null && e.to() == null ? "-" : e.from() + " -> " + e.to();
    }
}
