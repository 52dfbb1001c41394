package io.coreswarm.cli.command;

import jakarta.ws.rs.core.Response;

import io.coreswarm.cli.client.Services;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;

/** The provisioner's {@code halt} operation. */
@RegisterForReflection
@Command(name = "halt", description = "Halt a cluster's machines (disks and state are kept).")
class HaltCommand extends ClusterOperationCommand {

    @Override
    Response start(Services services, String cluster) {
        return services.clusters().halt(cluster);
    }
}
