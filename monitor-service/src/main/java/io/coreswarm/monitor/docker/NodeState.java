package io.coreswarm.monitor.docker;

import java.util.Locale;

import com.github.dockerjava.api.model.SwarmNodeState;

/**
 * A Swarm mode node's state, as the managers see it through its heartbeats; its lowercase name is
 * what {@code SwarmNodeHealth.state} carries. The {@code Status} column of {@code docker info}'s
 * node rows names it as a classic manager did.
 */
public enum NodeState {
    UNKNOWN("Unknown"), DOWN("Down"), READY("Healthy"), DISCONNECTED("Disconnected");

    private final String status;

    NodeState(String status) {
        this.status = status;
    }

    /** The state docker-java read; unknown for none (or one this enum does not know yet). */
    static NodeState of(SwarmNodeState state) {
        if (state == null) {
            return UNKNOWN;
        }
        return switch (state) {
            case DOWN -> DOWN;
            case READY -> READY;
            case DISCONNECTED -> DISCONNECTED;
            default -> UNKNOWN;
        };
    }

    /** A state as {@code SwarmNodeHealth} carries it; unknown for anything else. */
    public static NodeState of(String state) {
        for (NodeState s : values()) {
            if (s.id().equals(state)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** {@code unknown}, {@code down}, {@code ready} or {@code disconnected}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word a classic manager's {@code docker info} used: Healthy, Down, Disconnected, Unknown. */
    public String status() {
        return status;
    }
}
