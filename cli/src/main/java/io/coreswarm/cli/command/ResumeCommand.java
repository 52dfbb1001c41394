package io.coreswarm.cli.command;

import jakarta.ws.rs.core.Response;

import io.coreswarm.cli.client.Services;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;

/** The provisioner's {@code resume} operation. */
@RegisterForReflection
@Command(name = "resume", description = "Resume a halted cluster.")
class ResumeCommand extends ClusterOperationCommand {

    @Override
    Response start(Services services, String cluster) {
        return services.clusters().resume(cluster);
    }
}
