package io.coreswarm.monitor.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.monitor.docker.ClassicSwarmProbe;
import io.coreswarm.monitor.docker.SwarmModeProbe;
import io.coreswarm.monitor.docker.SwarmObservation;
import io.coreswarm.monitor.etcd.EtcdObservation;
import io.coreswarm.monitor.etcd.EtcdV2Probe;
import io.coreswarm.monitor.etcd.EtcdV3Probe;
import io.coreswarm.monitor.health.HealthRules;

/** One poll of one target: etcd and the swarm asked at the same time, then judged. */
@ApplicationScoped
public class TargetPoll {
    private final TargetConnections connections;
    private final PollWorkers workers;
    private final Duration timeout;

    TargetPoll(TargetConnections connections, PollWorkers workers, MonitorConfig config) {
        this.connections = connections;
        this.workers = workers;
        this.timeout = config.responseTimeout();
    }

    public Snapshot poll(MonitorTarget target) {
        var c = connections.of(target);
        CompletableFuture<EtcdObservation> etcd = CompletableFuture.supplyAsync(() -> etcd(target, c), workers);
        CompletableFuture<SwarmObservation> swarm = CompletableFuture.supplyAsync(() -> swarm(target, c), workers);
        EtcdObservation e = etcd.join();
        SwarmObservation s = swarm.join();
        return new Snapshot(HealthRules.judge(target.name(), e, s, Instant.now()), e, s);
    }

    private EtcdObservation etcd(MonitorTarget target, TargetConnections.Connection c) {
        if (target.etcdEndpoints().isEmpty()) {
            return EtcdObservation.notWatched();
        }
        try {
            return target.etcdApi() == EtcdApi.V2
                    ? EtcdV2Probe.observe(c.http(), target.etcdEndpoints(), timeout)
                    : EtcdV3Probe.observe(c.etcd(), timeout);
        } catch (RuntimeException ex) {
            return EtcdObservation.unanswered(target.etcdApi(), Failures.describe(ex, timeout));
        }
    }

    private SwarmObservation swarm(MonitorTarget target, TargetConnections.Connection c) {
        if (target.dockerEndpoints().isEmpty()) {
            return SwarmObservation.notWatched();
        }
        return target.swarm() == SwarmFlavour.CLASSIC
                ? ClassicSwarmProbe.observe(c.docker(), workers, timeout)
                : SwarmModeProbe.observe(c.docker(), workers, timeout);
    }
}
