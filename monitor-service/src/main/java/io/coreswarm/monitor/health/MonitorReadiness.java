package io.coreswarm.monitor.health;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.coreswarm.monitor.MonitorConfig;

/**
 * Ready when targets can be stored. The watched clusters' own health is not the monitor's: a
 * monitor of dead clusters is a working monitor.
 */
@Readiness
@ApplicationScoped
public class MonitorReadiness implements HealthCheck {
    private final Path dataDir;
    private final HealthBoard board;

    MonitorReadiness(MonitorConfig config, HealthBoard board) {
        this.dataDir = config.dataDir();
        this.board = board;
    }

    @Override
    public HealthCheckResponse call() {
        boolean writable = writable();
        long polled = board.all().stream().filter(s -> s.health().checkedAt() != null).count();
        return HealthCheckResponse.named("monitor")
                .status(writable)
                .withData("dataDir", writable ? "writable" : "not writable")
                .withData("targets", board.all().size())
                .withData("polled", polled)
                .build();
    }

    private boolean writable() {
        try {
            Files.createDirectories(dataDir);
            return Files.isWritable(dataDir);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
