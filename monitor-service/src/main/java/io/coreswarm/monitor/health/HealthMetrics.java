package io.coreswarm.monitor.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.api.health.SwarmNodeHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Prometheus gauges per cluster, etcd member and swarm node, rewritten from the board after every
 * poll (so members and nodes that are gone disappear from /q/metrics too).
 */
@ApplicationScoped
public class HealthMetrics {
    private final MultiGauge clusterHealth;
    private final MultiGauge etcdMemberUp;
    private final MultiGauge swarmNodeReady;
    private final MeterRegistry registry;

    HealthMetrics(MeterRegistry registry) {
        this.registry = registry;
        clusterHealth = MultiGauge.builder("coreswarm.cluster.health")
                .description("0 HEALTHY, 1 DEGRADED, 2 DOWN, 3 UNKNOWN").register(registry);
        etcdMemberUp = MultiGauge.builder("coreswarm.etcd.member.up")
                .description("1 when the etcd member answered its status").register(registry);
        swarmNodeReady = MultiGauge.builder("coreswarm.swarm.node.ready")
                .description("1 when the swarm node is ready (classic: healthy)").register(registry);
    }

    /**
     * One poll of a target: how long it took ({@code coreswarm_poll_seconds}), and whether it failed
     * ({@code coreswarm_poll_errors_total}: the poll threw, or no etcd member or engine answered it).
     */
    public void polled(String cluster, Duration took, boolean failed) {
        Timer.builder("coreswarm.poll").description("polls of a target, and how long they took").tags("cluster", cluster)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(took);
        Counter counter = Counter.builder("coreswarm.poll.errors").description("polls that threw or that nothing answered")
                .tags("cluster", cluster).register(registry);
        if (failed) {
            counter.increment();
        }
    }

    public synchronized void update(Collection<Snapshot> snapshots) {
        List<MultiGauge.Row<?>> clusters = new ArrayList<>();
        List<MultiGauge.Row<?>> members = new ArrayList<>();
        List<MultiGauge.Row<?>> nodes = new ArrayList<>();
        for (Snapshot s : snapshots) {
            String cluster = s.cluster();
            clusters.add(MultiGauge.Row.of(Tags.of("cluster", cluster), s.health().status().ordinal()));
            for (EtcdMemberHealth m : s.health().etcd()) {
                members.add(MultiGauge.Row.of(Tags.of("cluster", cluster, "member", m.name()), m.reachable() ? 1 : 0));
            }
            for (SwarmNodeHealth n : s.health().swarm()) {
                nodes.add(MultiGauge.Row.of(Tags.of("cluster", cluster, "node", n.hostname()), n.up() ? 1 : 0));
            }
        }
        clusterHealth.register(clusters, true);
        etcdMemberUp.register(members, true);
        swarmNodeReady.register(nodes, true);
    }
}
