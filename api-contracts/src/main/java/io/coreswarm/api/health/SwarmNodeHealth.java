package io.coreswarm.api.health;

/** One swarm node, from {@code /nodes} (Swarm mode) or a classic manager's {@code docker info}. */
public record SwarmNodeHealth(
        String id,
        String hostname,
        String address,
        String role,
        String state,
        String availability,
        boolean leader,
        String reachability,
        String engineVersion) {
}
