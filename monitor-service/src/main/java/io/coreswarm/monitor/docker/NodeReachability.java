package io.coreswarm.monitor.docker;

import java.util.Locale;

import com.github.dockerjava.api.model.Reachability;

/** Whether the other managers reach a manager (raft); its lowercase name is what {@code SwarmNodeHealth.reachability} carries. */
public enum NodeReachability {
    UNKNOWN, UNREACHABLE, REACHABLE;

    /** The reachability docker-java read; null for none (workers have none). */
    static NodeReachability of(Reachability reachability) {
        if (reachability == null) {
            return null;
        }
        return switch (reachability) {
            case REACHABLE -> REACHABLE;
            case UNREACHABLE -> UNREACHABLE;
            default -> UNKNOWN;
        };
    }

    /** {@code unknown}, {@code unreachable} or {@code reachable}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a manager's reachability, as {@code SwarmNodeHealth} carries it, is this one. */
    public boolean is(String reachability) {
        return id().equals(reachability);
    }
}
