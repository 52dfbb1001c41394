package io.coreswarm.api.health;

import java.time.Instant;
import java.util.List;

/** What monitor-service last saw of a cluster, and why it judged it so. */
public record ClusterHealth(
        String cluster,
        HealthStatus status,
        List<String> reasons,
        Instant checkedAt,
        List<EtcdMemberHealth> etcd,
        List<SwarmNodeHealth> swarm) {
}
