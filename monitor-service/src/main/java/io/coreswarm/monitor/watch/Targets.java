package io.coreswarm.monitor.watch;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.monitor.health.EventLog;
import io.coreswarm.monitor.health.HealthBoard;
import io.coreswarm.monitor.health.HealthMetrics;
import io.coreswarm.monitor.poll.Poller;
import io.coreswarm.monitor.poll.TargetConnections;
import io.coreswarm.monitor.targets.TargetRules;
import io.coreswarm.monitor.targets.TargetStore;

/**
 * Adding, changing and removing targets, and everything that hangs on a target: its file, its
 * place on the board, its events, its metrics, its polls and its connections.
 */
@ApplicationScoped
public class Targets {
    private final TargetStore store;
    private final HealthBoard board;
    private final EventLog events;
    private final HealthMetrics metrics;
    private final Poller poller;
    private final TargetConnections connections;

    Targets(TargetStore store, HealthBoard board, EventLog events, HealthMetrics metrics, Poller poller,
            TargetConnections connections) {
        this.store = store;
        this.board = board;
        this.events = events;
        this.metrics = metrics;
        this.poller = poller;
        this.connections = connections;
    }

    public List<MonitorTarget> all() {
        return store.all();
    }

    public MonitorTarget get(String name) {
        return store.find(name).orElseThrow(() -> notWatched(name));
    }

    /** Stores the target and polls it at once, rather than on the next tick. */
    public MonitorTarget put(String name, MonitorTarget body) {
        MonitorTarget target = TargetRules.normalize(name, body);
        store.put(target);
        board.watch(name);
        metrics.update(board.all());
        poller.pollSoon(target);
        return target;
    }

    public void remove(String name) {
        if (!store.remove(name)) {
            throw notWatched(name);
        }
        board.forget(name);
        events.forget(name);
        connections.close(name);
        metrics.update(board.all());
    }

    public static ProblemException notWatched(String name) {
        return new ProblemException(404, "Not Found", "no cluster named " + name + " is watched; PUT /v1/targets/" + name + " first");
    }
}
