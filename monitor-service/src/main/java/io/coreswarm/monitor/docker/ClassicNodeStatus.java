package io.coreswarm.monitor.docker;

import java.util.Locale;

/**
 * An engine's status as a classic swarm manager lists it ({@code └ Status: Healthy}); its
 * lowercase name is what {@code SwarmNodeHealth.state} carries for a classic swarm.
 */
public enum ClassicNodeStatus {
    PENDING, UNHEALTHY, HEALTHY, DISCONNECTED, MAINTENANCE, UNKNOWN;

    /** The manager's word, in any case; unknown for none or another word. */
    public static ClassicNodeStatus of(String status) {
        for (ClassicNodeStatus s : values()) {
            if (s.name().equalsIgnoreCase(status == null ? "" : status.trim())) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** {@code pending}, {@code unhealthy}, {@code healthy}, {@code disconnected}, {@code maintenance} or {@code unknown}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
