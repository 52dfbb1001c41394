package io.coreswarm.cli.command;

import io.coreswarm.api.cluster.ScaleRequest;
import io.coreswarm.api.operation.Operation;
import io.coreswarm.cli.output.Output;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code POST /v1/clusters/{name}/scale}. */
@RegisterForReflection
@Command(name = "scale", description = "Scale a cluster to N nodes.")
class ScaleCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the cluster")
    String name;

    @Parameters(index = "1", paramLabel = "N", description = "the node count to reach (1-99)")
    int nodes;

    @Option(names = { "-w", "--wait" }, description = "follow the operation's log until it ends; exit 1 if it fails")
    boolean wait;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        Operation op = OperationWatch.accepted(services().clusters().scale(name, new ScaleRequest(nodes)));
        return new OperationWatch(services(), out(), err()).report(op, wait, output);
    }
}
