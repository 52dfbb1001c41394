package io.coreswarm.monitor.poll;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.HealthStatus;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.monitor.health.EventLog;
import io.coreswarm.monitor.health.HealthBoard;
import io.coreswarm.monitor.health.HealthMetrics;
import io.coreswarm.monitor.health.Snapshot;
import io.coreswarm.monitor.health.Transitions;
import io.coreswarm.monitor.history.HealthHistory;
import io.coreswarm.monitor.targets.TargetStore;
import io.quarkus.scheduler.Scheduled;

/**
 * Polls every target on each tick, each on its own thread. A target whose previous poll still
 * runs is skipped (its polls never overlap); one asked for again meanwhile (changed by a PUT) is
 * polled again as soon as the running poll ends.
 */
@ApplicationScoped
public class Poller {
    private static final Logger LOG = Logger.getLogger(Poller.class);
    private final TargetStore store;
    private final TargetPoll poll;
    private final PollWorkers workers;
    private final HealthBoard board;
    private final EventLog events;
    private final HealthMetrics metrics;
    private final HealthHistory history;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    Poller(TargetStore store, TargetPoll poll, PollWorkers workers, HealthBoard board, EventLog events, HealthMetrics metrics,
            HealthHistory history) {
        this.store = store;
        this.poll = poll;
        this.workers = workers;
        this.board = board;
        this.events = events;
        this.metrics = metrics;
        this.history = history;
    }

    @Scheduled(identity = "poll-targets", every = "${coreswarm.monitor.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        store.all().forEach(t -> start(t, false));
    }

    /** Polls a target now, or right after its running poll. */
    public void pollSoon(MonitorTarget target) {
        start(target, true);
    }

    private void start(MonitorTarget target, boolean soon) {
        String name = target.name();
        if (!running.add(name)) {
            if (soon) {
                again.add(name);
            }
            return;
        }
        try {
            workers.execute(() -> run(target));
        } catch (RejectedExecutionException e) {
            running.remove(name);
        }
    }

    private void run(MonitorTarget target) {
        String name = target.name();
        long start = System.nanoTime();
        try {
            Snapshot snapshot;
            try {
                snapshot = poll.poll(target);
            } catch (RuntimeException e) {
                metrics.polled(name, Duration.ofNanos(System.nanoTime() - start), true);
                throw e;
            }
            // counted before the board shows the poll, so whoever sees it polled sees it counted
            metrics.polled(name, Duration.ofNanos(System.nanoTime() - start), snapshot.health().status() == HealthStatus.UNKNOWN);
            // a target changed or removed while it was polled: this poll speaks of what no longer is
            if (target.equals(store.find(name).orElse(null))) {
                board.update(snapshot).ifPresent(before -> events.record(Transitions.between(before.health(), snapshot.health())));
                metrics.update(board.all());
                history.record(snapshot.health());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "poll of %s failed", name);
        } finally {
            running.remove(name);
        }
        if (again.remove(name)) {
            store.find(name).ifPresent(this::pollSoon);
        }
    }
}
