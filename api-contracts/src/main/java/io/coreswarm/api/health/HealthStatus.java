package io.coreswarm.api.health;

/**
 * A cluster's health in one word; the reasons say why. The order is that of the
 * {@code coreswarm_cluster_health} gauge (0..3).
 * <ul>
 * <li>{@code HEALTHY}: every member and node answers and is up</li>
 * <li>{@code DEGRADED}: something is down but every quorum holds</li>
 * <li>{@code DOWN}: a quorum is lost, there is no leader, or a watched part does not answer at all</li>
 * <li>{@code UNKNOWN}: nothing answers at all, or not polled yet</li>
 * </ul>
 */
public enum HealthStatus {
    HEALTHY, DEGRADED, DOWN, UNKNOWN
}
