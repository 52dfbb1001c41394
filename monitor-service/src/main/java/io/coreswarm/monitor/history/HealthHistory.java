package io.coreswarm.monitor.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.history.ClusterHistory;
import io.coreswarm.api.history.HistoryPoint;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.monitor.targets.TargetCatalog;
import io.coreswarm.store.StateStore;
import io.quarkus.scheduler.Scheduled;

/**
 * Every watched cluster's health over time, a {@link Series} each, written to
 * {@code <data-dir>/history/<name>.json} every flush interval (when it changed) and at shutdown,
 * and read back on start. Memory and disk are bounded by the tiers' point counts. With etcd the
 * same under {@code monitor/history/<name>}, kept in memory by the replica that polls the cluster
 * only ({@link #takeOver}, {@link #release}); the others answer from what it last flushed.
 */
@ApplicationScoped
public class HealthHistory {
    private final SeriesStore store;
    private final HistoryConfig config;
    private final Map<String, Series> series = new ConcurrentHashMap<>();

    @Inject
    HealthHistory(MonitorConfig monitor, HistoryConfig config, ObjectMapper json, TargetCatalog targets, StateStore state) {
        this(state.isEtcd() ? new EtcdSeries(state.etcd(), json) : new SeriesFiles(monitor.dataDir().resolve("history"), json), config);
        if (!state.isEtcd()) {
            // with etcd a replica loads a history when it takes the target's polls (takeOver)
            targets.all().forEach(t -> load(t.name()));
        }
    }

    HealthHistory(Path dir, HistoryConfig config, ObjectMapper json) {
        this(new SeriesFiles(dir, json), config);
    }

    private HealthHistory(SeriesStore store, HistoryConfig config) {
        this.store = store;
        this.config = config;
    }

    /** Adds a poll's health (one not polled yet has nothing to add). */
    public void record(ClusterHealth health) {
        if (health.checkedAt() != null) {
            series.computeIfAbsent(health.cluster(), c -> new Series(config)).add(Points.of(health));
        }
    }

    /**
     * The history from {@code since} to now, one point per step; parameters as {@link HistoryQuery}
     * reads them. A cluster another replica polls is answered from what it last flushed to etcd.
     */
    public ClusterHistory query(String cluster, String since, String step, Instant now) {
        HistoryQuery q = HistoryQuery.read(since, step, now, oldest(now));
        Series s = series.get(cluster);
        if (s == null && store.shared()) {
            s = store.read(cluster).map(this::series).orElse(null);
        }
        List<HistoryPoint> points = s == null ? List.of() : s.query(q.since(), q.step());
        return new ClusterHistory(cluster, q.since(), now, q.step().toSeconds(), points);
    }

    /** How far back a query may reach: what the hour tier holds when full. */
    Instant oldest(Instant now) {
        return now.minus(Series.HOUR.multipliedBy(config.hourPoints()));
    }

    /** This replica takes a cluster's polls over: it goes on from the history the last poller flushed. */
    public void takeOver(String cluster) {
        series.remove(cluster);
        load(cluster);
    }

    /** This replica no longer polls a cluster: what it recorded is flushed, for the next poller. */
    public void release(String cluster) {
        Series s = series.remove(cluster);
        if (s != null && s.takeChanged()) {
            store.write(cluster, s.saved());
        }
    }

    public void forget(String cluster) {
        series.remove(cluster);
        store.delete(cluster);
    }

    @Scheduled(identity = "flush-history", every = "${coreswarm.monitor.history.flush-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushChanged() {
        series.forEach((cluster, s) -> {
            if (s.takeChanged()) {
                store.write(cluster, s.saved());
            }
        });
    }

    @PreDestroy
    public void flush() {
        series.forEach((cluster, s) -> {
            s.takeChanged();
            store.write(cluster, s.saved());
        });
    }

    /** Reads a cluster's saved history, if any; one that cannot be read is logged and started afresh. */
    void load(String cluster) {
        store.read(cluster).ifPresent(saved -> series.put(cluster, series(saved)));
    }

    private Series series(Series.Saved saved) {
        Series s = new Series(config);
        s.load(saved);
        return s;
    }
}
