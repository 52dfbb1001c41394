package io.coreswarm.cli.command;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.cli.output.Output;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The provisioner's {@code destroy} operation. */
@RegisterForReflection
@Command(name = "rm", description = "Destroy a cluster and its workspace.")
class RemoveCommand extends ServiceCommand {

    @Parameters(paramLabel = "NAME", description = "the cluster")
    String name;

    @Option(names = { "-w", "--wait" }, description = "follow the operation's log until it ends; exit 1 if it fails")
    boolean wait;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        Operation op = OperationWatch.accepted(services().clusters().destroy(name));
        return new OperationWatch(services(), out(), err()).report(op, wait, output);
    }
}
