package io.coreswarm.monitor.docker;

/** A classic swarm manager's role among replicated managers (swarm 1.1+: {@code Role: primary}). */
public enum ClassicRole {
    PRIMARY, REPLICA;

    /** The manager's word, in any case; null for none (before swarm 1.1) or another word. */
    public static ClassicRole of(String role) {
        for (ClassicRole r : values()) {
            if (r.name().equalsIgnoreCase(role == null ? "" : role.trim())) {
                return r;
            }
        }
        return null;
    }
}
