package io.coreswarm.monitor.watch;

import java.time.Instant;

import io.coreswarm.api.history.ClusterHistory;
import io.coreswarm.api.history.HistoryApi;
import io.coreswarm.monitor.history.HealthHistory;
import io.coreswarm.monitor.targets.TargetCatalog;

/** A watched cluster's health over time, from memory. */
public class HistoryResource implements HistoryApi {
    private final TargetCatalog targets;
    private final HealthHistory history;

    HistoryResource(TargetCatalog targets, HealthHistory history) {
        this.targets = targets;
        this.history = history;
    }

    @Override
    public ClusterHistory history(String name, String since, String step) {
        targets.find(name).orElseThrow(() -> Targets.notWatched(name));
        return history.query(name, since, step, Instant.now());
    }
}
