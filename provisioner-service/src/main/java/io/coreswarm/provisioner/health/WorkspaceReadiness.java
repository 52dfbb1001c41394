package io.coreswarm.provisioner.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.coreswarm.provisioner.ProvisionerConfig;

/**
 * The workspaces folder can be written: a file is created in it and removed (a permission bit is
 * not enough: a read-only mount or a full disk show only on writing).
 */
@Readiness
@ApplicationScoped
public class WorkspaceReadiness implements HealthCheck {
    static final String NAME = "workspace";
    private final Path workspaces;

    @Inject
    WorkspaceReadiness(ProvisionerConfig config) {
        this(config.workspaces());
    }

    WorkspaceReadiness(Path workspaces) {
        this.workspaces = workspaces.toAbsolutePath().normalize();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("path", workspaces.toString());
        try {
            Files.createDirectories(workspaces);
            Path probe = Files.createTempFile(workspaces, ".ready-", ".probe");
            Files.delete(probe);
            return response.up().build();
        } catch (IOException | SecurityException e) {
            return response.down().withData("reason", "not writable: " + e).build();
        }
    }
}
