package io.coreswarm.monitor.docker;

import java.util.Locale;

import com.github.dockerjava.api.model.SwarmNodeRole;

/** A Swarm mode node's role; its lowercase name is what {@code SwarmNodeHealth.role} carries. */
public enum NodeRole {
    MANAGER, WORKER;

    /** The role docker-java read; null for none. */
    static NodeRole of(SwarmNodeRole role) {
        return role == null ? null : role == SwarmNodeRole.MANAGER ? MANAGER : WORKER;
    }

    /** {@code manager} or {@code worker}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a node's role, as {@code SwarmNodeHealth} carries it, is this one. */
    public boolean is(String role) {
        return id().equals(role);
    }
}
