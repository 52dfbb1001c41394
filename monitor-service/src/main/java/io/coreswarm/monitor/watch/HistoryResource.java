package io.coreswarm.monitor.watch;

import java.time.Instant;

import io.coreswarm.api.history.ClusterHistory;
import io.coreswarm.api.history.HistoryApi;
import io.coreswarm.monitor.health.HealthBoard;
import io.coreswarm.monitor.history.HealthHistory;

/** A watched cluster's health over time, from memory. */
public class HistoryResource implements HistoryApi {
    private final HealthBoard board;
    private final HealthHistory history;

    HistoryResource(HealthBoard board, HealthHistory history) {
        this.board = board;
        this.history = history;
    }

    @Override
    public ClusterHistory history(String name, String since, String step) {
        board.get(name).orElseThrow(() -> Targets.notWatched(name));
        return history.query(name, since, step, Instant.now());
    }
}
