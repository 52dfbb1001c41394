package io.coreswarm.monitor.watch;

import java.util.List;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.ClusterHealthApi;
import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.monitor.health.Events;
import io.coreswarm.monitor.health.LatestHealth;
import io.coreswarm.monitor.health.PublishedHealth;
import io.coreswarm.monitor.targets.TargetCatalog;
import io.smallrye.mutiny.Multi;

/** Answers from the last poll only (whichever replica made it): asking never waits on a cluster. */
public class ClusterHealthResource implements ClusterHealthApi {
    private final LatestHealth latest;
    private final TargetCatalog targets;
    private final Events events;

    ClusterHealthResource(LatestHealth latest, TargetCatalog targets, Events events) {
        this.latest = latest;
        this.targets = targets;
        this.events = events;
    }

    @Override
    public ClusterHealth health(String name) {
        return published(name).health();
    }

    @Override
    public String info(String name) {
        return published(name).info();
    }

    @Override
    public List<HealthEvent> events(String name) {
        watched(name);
        return events.recent(name);
    }

    @Override
    public Multi<HealthEvent> follow(String name) {
        watched(name);
        return events.follow(name);
    }

    private PublishedHealth published(String name) {
        return latest.latest(name).orElseThrow(() -> Targets.notWatched(name));
    }

    private void watched(String name) {
        targets.find(name).orElseThrow(() -> Targets.notWatched(name));
    }
}
