package io.coreswarm.api.health;

/** What a {@link HealthEvent} is about. */
public enum EventKind {
    /** the cluster's {@link HealthStatus} changed */
    HEALTH,
    /** an etcd member became reachable or unreachable */
    ETCD_MEMBER,
    /** the etcd leader changed (or there is none) */
    ETCD_LEADER,
    /** a swarm node's state changed (ready, down, ...) */
    SWARM_NODE,
    /** the swarm leader (classic: primary) changed */
    SWARM_LEADER
}
