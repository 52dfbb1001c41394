package io.coreswarm.api.cluster;

import com.fasterxml.jackson.annotation.JsonValue;

/** A node's part in the swarm, as Swarm mode's {@code /nodes} names it ({@code Spec.Role}). */
public enum SwarmRole {
    MANAGER("manager"),
    WORKER("worker");

    private final String id;

    SwarmRole(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
