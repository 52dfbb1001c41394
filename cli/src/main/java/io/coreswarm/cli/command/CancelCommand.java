package io.coreswarm.cli.command;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.cli.output.Output;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code POST /v1/operations/{id}/cancel}. */
@RegisterForReflection
@Command(name = "cancel", description = "Cancel a running operation (and its Vagrant processes).")
class CancelCommand extends ServiceCommand {

    @Parameters(paramLabel = "OP", description = "the operation's id")
    String id;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        Operation op = services().operations().cancel(id);
        new OperationWatch(services(), out(), err()).print(op, output);
        return 0;
    }
}
