package io.coreswarm.api.health;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One swarm node, from {@code /nodes} (Swarm mode) or a classic manager's {@code docker info}.
 * Swarm mode: {@code state} is unknown|down|ready|disconnected, {@code role} manager|worker.
 * Classic: {@code state} is the manager's status in lower case (healthy, unhealthy, pending,
 * disconnected, maintenance; unknown for any other word); role, availability and reachability are
 * null. These stay words on the wire because one field carries both flavours' sets; monitor-service
 * reads and writes them through its own enums.
 */
@Schema(requiredProperties = { "hostname", "state", "leader" })
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

    /** Whether the node takes work: ready (Swarm mode) or healthy (classic). */
    public boolean up() {
        return "ready".equals(state) || "healthy".equals(state);
    }
}
