package io.coreswarm.cli.command;

import java.io.PrintWriter;

import io.coreswarm.api.cluster.Cluster;
import io.coreswarm.api.cluster.ClusterNode;
import io.coreswarm.api.cluster.Condition;
import io.coreswarm.cli.output.Output;
import io.coreswarm.cli.output.Table;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code GET /v1/clusters/{name}}: a summary, its conditions and nodes; or the whole answer with {@code -o}. */
@RegisterForReflection
@Command(name = "get", description = "Show a cluster: phase, endpoints, conditions and nodes.")
class GetCommand extends ServiceCommand {

    @Parameters(paramLabel = "NAME", description = "the cluster")
    String name;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        Cluster c = services().clusters().get(name);
        if (!output.table()) {
            output.print(c, out());
            return 0;
        }
        PrintWriter out = out();
        out.printf("Name:        %s%n", c.spec().name());
        out.printf("Phase:       %s%n", c.phase());
        out.printf("Target:      %s (%s, %s)%n", c.spec().target(), c.spec().provider(), c.spec().channel());
        out.printf("Nodes:       %d (%d managers), %d MB, %d cpus each%n", c.spec().nodes(), c.spec().managers(),
                c.spec().memory(), c.spec().cpus());
        out.printf("TLS:         %s%n", c.spec().tls());
        if (c.endpoints() != null) {
            out.printf("Docker:      %s%n", c.endpoints().dockerHost());
            out.printf("etcd:        %s%n", c.endpoints().etcd() == null ? "-" : String.join(",", c.endpoints().etcd()));
            if (c.endpoints().registry() != null) {
                out.printf("Registry:    %s%n", c.endpoints().registry());
            }
        }
        out.printf("Created:     %s%n", c.createdAt());
        out.printf("Operation:   %s%n", c.currentOperation() == null ? "-" : c.currentOperation());
        out.println();
        Table conditions = new Table("CONDITION", "STATUS", "REASON", "MESSAGE");
        for (Condition k : c.conditions() == null ? java.util.List.<Condition>of() : c.conditions()) {
            conditions.row(k.type(), k.status(), k.reason(), k.message());
        }
        conditions.print(out);
        out.println();
        Table nodes = new Table("NODE", "STATE", "ADDRESS", "ROLE", "CONFIRMED");
        for (ClusterNode n : c.nodes() == null ? java.util.List.<ClusterNode>of() : c.nodes()) {
            nodes.row(n.name(), n.state(), n.address(), n.swarmRole(), n.confirmedAt());
        }
        nodes.print(out);
        return 0;
    }
}
