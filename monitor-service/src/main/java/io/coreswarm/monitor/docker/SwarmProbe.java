package io.coreswarm.monitor.docker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

import com.github.dockerjava.api.DockerClient;

import io.coreswarm.api.health.SwarmFlavour;

/**
 * Reads a target's swarm as one {@link SwarmFlavour} runs it. One bean per flavour;
 * {@link SwarmProbes} picks it by the target's {@code swarm}, as config-service's
 * RenderingService picks a renderer by target.
 */
public interface SwarmProbe {

    SwarmFlavour flavour();

    /**
     * One look at the swarm through its Docker endpoints (asked at once on {@code executor}), every
     * call bounded by {@code timeout}. Engines that do not answer are part of the observation
     * ({@link SwarmObservation#engines}), not an exception.
     *
     * @param endpoints endpoint to client, in the target's order
     */
    SwarmObservation observe(Map<String, DockerClient> endpoints, Executor executor, Duration timeout);
}
