package io.coreswarm.monitor.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.monitor.Failures;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.monitor.docker.SwarmObservation;
import io.coreswarm.monitor.docker.SwarmProbes;
import io.coreswarm.monitor.etcd.EtcdObservation;
import io.coreswarm.monitor.etcd.EtcdProbes;
import io.coreswarm.monitor.health.HealthRules;
import io.coreswarm.monitor.health.Snapshot;

/**
 * One poll of one target: etcd and the swarm asked at the same time, each through the probe of
 * the target's etcd API and swarm flavour, then judged.
 */
@ApplicationScoped
public class TargetPoll {
    private final TargetConnections connections;
    private final PollWorkers workers;
    private final EtcdProbes etcdProbes;
    private final SwarmProbes swarmProbes;
    private final Duration timeout;

    TargetPoll(TargetConnections connections, PollWorkers workers, EtcdProbes etcdProbes, SwarmProbes swarmProbes,
            MonitorConfig config) {
        this.connections = connections;
        this.workers = workers;
        this.etcdProbes = etcdProbes;
        this.swarmProbes = swarmProbes;
        this.timeout = config.responseTimeout();
    }

    public Snapshot poll(MonitorTarget target) {
        var c = connections.of(target);
        CompletableFuture<EtcdObservation> etcd = CompletableFuture.supplyAsync(() -> etcd(target, c), workers);
        CompletableFuture<SwarmObservation> swarm = CompletableFuture.supplyAsync(() -> swarm(target, c), workers);
        EtcdObservation e = etcd.join();
        SwarmObservation s = swarm.join();
        return new Snapshot(HealthRules.judge(target.name(), e, s, target.workloads(), Instant.now()), e, s);
    }

    private EtcdObservation etcd(MonitorTarget target, TargetConnections.Connection c) {
        if (target.etcdEndpoints().isEmpty()) {
            return EtcdObservation.notWatched();
        }
        try {
            return etcdProbes.of(target.etcdApi()).observe(c.etcd(), timeout);
        } catch (RuntimeException ex) {
            return EtcdObservation.unanswered(target.etcdApi(), Failures.describe(ex, timeout));
        }
    }

    private SwarmObservation swarm(MonitorTarget target, TargetConnections.Connection c) {
        if (target.dockerEndpoints().isEmpty()) {
            return SwarmObservation.notWatched();
        }
        return swarmProbes.of(target.swarm()).observe(c.docker(), workers, timeout);
    }
}
