package io.coreswarm.cli.command;

import jakarta.ws.rs.core.Response;

import io.coreswarm.cli.client.Services;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;

/** The provisioner's {@code destroy} operation. */
@RegisterForReflection
@Command(name = "rm", description = "Destroy a cluster and its workspace.")
class RemoveCommand extends ClusterOperationCommand {

    @Override
    Response start(Services services, String cluster) {
        return services.clusters().destroy(cluster);
    }
}
