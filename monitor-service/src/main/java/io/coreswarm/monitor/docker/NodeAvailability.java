package io.coreswarm.monitor.docker;

import java.util.Locale;

import com.github.dockerjava.api.model.SwarmNodeAvailability;

/** Whether the swarm may schedule work on a node; its lowercase name is what {@code SwarmNodeHealth.availability} carries. */
public enum NodeAvailability {
    ACTIVE, PAUSE, DRAIN;

    /** The availability docker-java read; null for none. */
    static NodeAvailability of(SwarmNodeAvailability availability) {
        if (availability == null) {
            return null;
        }
        return switch (availability) {
            case PAUSE -> PAUSE;
            case DRAIN -> DRAIN;
            default -> ACTIVE;
        };
    }

    /** {@code active}, {@code pause} or {@code drain}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
