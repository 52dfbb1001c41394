package io.coreswarm.provisioner.health;

import java.io.IOException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.github.dockerjava.api.DockerClient;

import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.provisioner.ProvisionerConfig;

/**
 * The host's dockerd answers a ping: the engine local clusters' node containers run on, and that
 * Vagrant's docker provider drives. Short timeouts: a readiness probe must not hang on a dead engine.
 */
@Readiness
@ApplicationScoped
public class DockerReadiness implements HealthCheck {
    static final String NAME = "dockerd";
    static final Timeouts PING = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    private final String dockerHost;

    @Inject
    DockerReadiness(ProvisionerConfig config) {
        this(config.dockerHost());
    }

    DockerReadiness(String dockerHost) {
        this.dockerHost = dockerHost;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("host", dockerHost);
        try (DockerClient docker = DockerClientFactory.connect(dockerHost, PING, null)) {
            docker.pingCmd().exec();
            return response.up().build();
        } catch (IOException | RuntimeException e) {
            return response.down().withData("reason", "no answer: " + rootMessage(e)).build();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
