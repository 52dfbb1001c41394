package io.coreswarm.monitor.etcd;

import java.time.Duration;

import io.coreswarm.api.health.EtcdApi;

/**
 * Reads a target's etcd through one {@link EtcdApi}: its members as the cluster lists them, each
 * with the status it answered. One bean per API; {@link EtcdProbes} picks it by the target's
 * {@code etcdApi}, as config-service's RenderingService picks a renderer by target.
 */
public interface EtcdProbe {

    EtcdApi api();

    /**
     * One look at the cluster, every call bounded by {@code timeout}. A cluster that does not
     * answer is an observation too ({@link EtcdObservation#unanswered}), not an exception.
     */
    EtcdObservation observe(EtcdClients clients, Duration timeout);
}
