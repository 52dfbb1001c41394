package io.coreswarm.provisioner.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.coreswarm.provisioner.ProvisionerConfig;
import io.coreswarm.provisioner.operation.ProcessTree;

/**
 * {@code vagrant --version} runs and exits 0 within a few seconds. Vagrant is a Ruby program that
 * takes a second or more to start, so the answer is kept for a minute rather than paid on every
 * probe; a probe that finds it expired runs it again (probes are serialised, never two at once).
 */
@Readiness
@ApplicationScoped
public class VagrantReadiness implements HealthCheck {
    static final String NAME = "vagrant";
    static final Duration KEEP = Duration.ofMinutes(1);
    private final String vagrant;
    private final Duration timeout;
    private final Clock clock;
    private HealthCheckResponse last;
    private Instant lastAt;

    @Inject
    VagrantReadiness(ProvisionerConfig config) {
        this(config.vagrant(), Duration.ofSeconds(10), Clock.systemUTC());
    }

    VagrantReadiness(String vagrant, Duration timeout, Clock clock) {
        this.vagrant = vagrant;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(KEEP))) {
            last = probe();
            lastAt = now;
        }
        return last;
    }

    private HealthCheckResponse probe() {
        var response = HealthCheckResponse.named(NAME).withData("binary", vagrant).withData("checkedAt", clock.instant().toString());
        Process process;
        try {
            process = new ProcessBuilder(vagrant, "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return response.down().withData("reason", "cannot run: " + e.getMessage()).build();
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.stop(process);
                return response.down().withData("reason", "'" + vagrant + " --version' did not finish within " + timeout.toSeconds() + "s").build();
            }
            // a version line is a few dozen bytes; more is not read
            String output = new String(process.getInputStream().readNBytes(512), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                return response.down().withData("reason", "'" + vagrant + " --version' exited with " + process.exitValue() + ": " + output).build();
            }
            return response.up().withData("version", output).build();
        } catch (IOException e) {
            return response.down().withData("reason", "cannot read its output: " + e.getMessage()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.stop(process);
            return response.down().withData("reason", "interrupted").build();
        }
    }
}
