package io.coreswarm.docker;

import java.time.Duration;

/** How long a Docker client waits: to connect to an engine, and for one answer from it. */
public record Timeouts(Duration connect, Duration response) {
    /**
     * For changes to an engine (swarm init and join, services, image loads): a node that is
     * starting answers slowly, and one answer may carry real work, so these wait longer than the
     * monitor's reads do.
     */
    public static final Timeouts CONTROL = new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(30));
}
