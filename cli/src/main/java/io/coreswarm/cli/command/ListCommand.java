package io.coreswarm.cli.command;

import java.util.List;

import io.coreswarm.api.cluster.Cluster;
import io.coreswarm.api.cluster.MachineState;
import io.coreswarm.cli.output.Output;
import io.coreswarm.cli.output.Table;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code GET /v1/clusters}. */
@RegisterForReflection
@Command(name = "ls", aliases = "list", description = "List the clusters.")
class ListCommand extends ServiceCommand {

    @Mixin
    Output output;

    @Option(names = { "-q", "--quiet" }, description = "names only, one a line")
    boolean quiet;

    @Override
    public Integer call() {
        List<Cluster> clusters = services().clusters().list();
        if (quiet) {
            clusters.forEach(c -> out().println(c.spec().name()));
            out().flush();
        } else if (!output.table()) {
            output.print(clusters, out());
        } else {
            Table table = new Table("NAME", "PHASE", "NODES", "TARGET", "TLS", "DOCKER_HOST", "OPERATION");
            for (Cluster c : clusters) {
                long running = c.nodes() == null ? 0 : c.nodes().stream().filter(n -> n.state() == MachineState.RUNNING).count();
                table.row(c.spec().name(), c.phase(), running + "/" + c.spec().nodes(), c.spec().target(), c.spec().tls(),
                        c.endpoints() == null ? null : c.endpoints().dockerHost(), c.currentOperation());
            }
            table.print(out());
        }
        return 0;
    }
}
