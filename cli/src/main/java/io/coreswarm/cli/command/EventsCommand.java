package io.coreswarm.cli.command;

import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.cli.output.OutputFormat;
import io.coreswarm.cli.output.Table;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
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

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or yaml (with -f, json is one event a line)")
    OutputFormat output;

    @Override
    public Integer call() {
        if (follow) {
            for (HealthEvent e : services().healthStreams().follow(name).subscribe().asIterable()) {
                if (output == OutputFormat.TABLE) {
                    out().println(line(e));
                    out().flush();
                } else {
                    printer().line(e);
                }
            }
            return 0;
        }
        var events = services().health().events(name);
        if (output != OutputFormat.TABLE) {
            printer().structured(events, output);
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
