package io.coreswarm.cli.command;

import jakarta.ws.rs.core.Response;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.cli.client.Services;
import io.coreswarm.cli.output.Output;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command that starts one operation on a named cluster (halt, resume, rm, regenerate-certs): the
 * 202 it gets is printed, or with {@code --wait} followed until the operation ends.
 */
abstract class ClusterOperationCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the cluster")
    String name;

    @Option(names = { "-w", "--wait" }, description = "follow the operation's log until it ends; exit 1 if it fails")
    boolean wait;

    @Mixin
    Output output;

    /** Asks the provisioner to start the operation; its 202 answer. */
    abstract Response start(Services services, String cluster);

    @Override
    public final Integer call() {
        Operation op = OperationWatch.accepted(start(services(), name));
        return new OperationWatch(services(), out(), err()).report(op, wait, output);
    }
}
