package io.coreswarm.monitor.health;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.monitor.docker.SwarmObservation;
import io.coreswarm.monitor.etcd.EtcdObservation;

/** One poll of a target: the judged health and what it was judged on (for the info view). */
public record Snapshot(ClusterHealth health, EtcdObservation etcd, SwarmObservation swarm) {

    public static Snapshot notPolled(String cluster) {
        return new Snapshot(ClusterHealth.notPolled(cluster), EtcdObservation.notWatched(), SwarmObservation.notWatched());
    }

    public String cluster() {
        return health.cluster();
    }
}
