package io.coreswarm.monitor.docker;

/**
 * What the swarm tasks placed on a node reserve, the figures a classic manager showed as
 * {@code Reserved CPUs} and {@code Reserved Memory}.
 */
public record Reservation(long nanoCpus, long memoryBytes) {
    public static final Reservation NONE = new Reservation(0, 0);

    public Reservation plus(Reservation other) {
        return new Reservation(nanoCpus + other.nanoCpus, memoryBytes + other.memoryBytes);
    }
}
