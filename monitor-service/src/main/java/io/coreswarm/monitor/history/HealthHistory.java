package io.coreswarm.monitor.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.history.ClusterHistory;
import io.coreswarm.api.history.HistoryPoint;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.monitor.targets.TargetCatalog;
import io.quarkus.scheduler.Scheduled;

/**
 * Every watched cluster's health over time, a {@link Series} each, written to
 * {@code <data-dir>/history/<name>.json} every flush interval (when it changed) and at shutdown,
 * and read back on start. Memory and disk are bounded by the tiers' point counts.
 */
@ApplicationScoped
public class HealthHistory {
    private static final Logger LOG = Logger.getLogger(HealthHistory.class);
    private final Path dir;
    private final HistoryConfig config;
    private final ObjectMapper json;
    private final Map<String, Series> series = new ConcurrentHashMap<>();

    @Inject
    HealthHistory(MonitorConfig monitor, HistoryConfig config, ObjectMapper json, TargetCatalog store) {
        this(monitor.dataDir().resolve("history"), config, json);
        store.all().forEach(t -> load(t.name()));
    }

    HealthHistory(Path dir, HistoryConfig config, ObjectMapper json) {
        this.dir = dir;
        this.config = config;
        this.json = json;
    }

    /** Adds a poll's health (one not polled yet has nothing to add). */
    public void record(ClusterHealth health) {
        if (health.checkedAt() != null) {
            series.computeIfAbsent(health.cluster(), c -> new Series(config)).add(Points.of(health));
        }
    }

    /** The history from {@code since} to now, one point per step; parameters as {@link HistoryQuery} reads them. */
    public ClusterHistory query(String cluster, String since, String step, Instant now) {
        HistoryQuery q = HistoryQuery.read(since, step, now, oldest(now));
        Series s = series.get(cluster);
        List<HistoryPoint> points = s == null ? List.of() : s.query(q.since(), q.step());
        return new ClusterHistory(cluster, q.since(), now, q.step().toSeconds(), points);
    }

    /** How far back a query may reach: what the hour tier holds when full. */
    Instant oldest(Instant now) {
        return now.minus(Series.HOUR.multipliedBy(config.hourPoints()));
    }

    public void forget(String cluster) {
        series.remove(cluster);
        try {
            Files.deleteIfExists(file(cluster));
        } catch (IOException e) {
            LOG.warnf("cannot remove the history of %s: %s", cluster, e.getMessage());
        }
    }

    @Scheduled(identity = "flush-history", every = "${coreswarm.monitor.history.flush-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushChanged() {
        series.forEach((cluster, s) -> {
            if (s.takeChanged()) {
                write(cluster, s);
            }
        });
    }

    @PreDestroy
    public void flush() {
        series.forEach((cluster, s) -> {
            s.takeChanged();
            write(cluster, s);
        });
    }

    private void write(String cluster, Series s) {
        try {
            Files.createDirectories(dir);
            Path aside = dir.resolve("." + cluster + ".json.tmp");
            json.writeValue(aside.toFile(), s.saved());
            Files.move(aside, file(cluster), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // memory still holds it; a full disk must not stop the monitor
            LOG.warnf("cannot write the history of %s to %s: %s", cluster, dir, e.getMessage());
        }
    }

    /** Reads a cluster's history file, if any; one that cannot be read is logged and started afresh. */
    void load(String cluster) {
        Path file = file(cluster);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Series s = new Series(config);
            s.load(json.readValue(file.toFile(), Series.Saved.class));
            series.put(cluster, s);
        } catch (IOException e) {
            LOG.warnf("cannot read the history of %s from %s: %s", cluster, file, e.getMessage());
        }
    }

    private Path file(String cluster) {
        return dir.resolve(cluster + ".json");
    }
}
