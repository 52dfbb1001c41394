package io.coreswarm.monitor.watch;

import java.util.List;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.ClusterHealthApi;
import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.monitor.health.EventLog;
import io.coreswarm.monitor.health.HealthBoard;
import io.coreswarm.monitor.health.InfoText;
import io.coreswarm.monitor.health.Snapshot;
import io.smallrye.mutiny.Multi;

/** Answers from the last poll only: asking never waits on a cluster. */
public class ClusterHealthResource implements ClusterHealthApi {
    private final HealthBoard board;
    private final EventLog events;

    ClusterHealthResource(HealthBoard board, EventLog events) {
        this.board = board;
        this.events = events;
    }

    @Override
    public ClusterHealth health(String name) {
        return snapshot(name).health();
    }

    @Override
    public String info(String name) {
        return InfoText.render(snapshot(name));
    }

    @Override
    public List<HealthEvent> events(String name) {
        snapshot(name);
        return events.recent(name);
    }

    @Override
    public Multi<HealthEvent> follow(String name) {
        snapshot(name);
        return events.follow(name);
    }

    private Snapshot snapshot(String name) {
        return board.get(name).orElseThrow(() -> Targets.notWatched(name));
    }
}
