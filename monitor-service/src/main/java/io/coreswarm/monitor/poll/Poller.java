package io.coreswarm.monitor.poll;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.HealthStatus;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.monitor.health.Events;
import io.coreswarm.monitor.health.HealthBoard;
import io.coreswarm.monitor.health.HealthMetrics;
import io.coreswarm.monitor.health.LatestHealth;
import io.coreswarm.monitor.health.Snapshot;
import io.coreswarm.monitor.health.Transitions;
import io.coreswarm.monitor.history.HealthHistory;
import io.coreswarm.monitor.targets.TargetCatalog;
import io.coreswarm.store.StoreUnavailable;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Polls every target this replica polls ({@link PollShare}: all with files) on each tick, each on its own thread. A target whose previous poll still
 * runs is skipped (its polls never overlap); one asked for again meanwhile (changed by a PUT) is
 * polled again as soon as the running poll ends.
 */
@ApplicationScoped
public class Poller {
    private static final Logger LOG = Logger.getLogger(Poller.class);
    private final TargetCatalog store;
    private final TargetPoll poll;
    private final PollWorkers workers;
    private final HealthBoard board;
    private final Events events;
    private final HealthMetrics metrics;
    private final HealthHistory history;
    private final PollShare share;
    private final LatestHealth latest;
    private final TargetConnections connections;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean tickQueued = new AtomicBoolean();

    Poller(TargetCatalog store, TargetPoll poll, PollWorkers workers, HealthBoard board, Events events, HealthMetrics metrics,
            HealthHistory history, PollShare share, LatestHealth latest, TargetConnections connections) {
        this.share = share;
        this.latest = latest;
        this.connections = connections;
        this.store = store;
        this.poll = poll;
        this.workers = workers;
        this.board = board;
        this.events = events;
        this.metrics = metrics;
        this.history = history;
    }

    /** A takeover follows a freed claim at once rather than at the next tick. */
    void onStart(@Observes StartupEvent start) {
        share.onFreed(this::tickSoon);
    }

    /** One extra tick soon: asked again before it starts, it is still one. */
    private void tickSoon() {
        if (tickQueued.compareAndSet(false, true)) {
            try {
                workers.execute(() -> {
                    tickQueued.set(false);
                    tick();
                });
            } catch (RejectedExecutionException e) {
                tickQueued.set(false);
            }
        }
    }

    @Scheduled(identity = "poll-targets", every = "${coreswarm.monitor.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        PollShare.Split split = share.split(store.all());
        for (String name : split.lost()) {
            board.forget(name);
            connections.close(name);
            if (store.find(name).isPresent()) {
                history.release(name);
            } else {
                history.forget(name); // removed meanwhile: nothing of it may be written back
            }
        }
        for (String name : split.gained()) {
            takeOver(name);
        }
        if (!split.gained().isEmpty() || !split.lost().isEmpty()) {
            metrics.update(board.all());
        }
        split.mine().forEach(t -> start(t, false));
    }

    /** Goes on from the health the last poller published, so that the first poll here tells only what changed. */
    private void takeOver(String name) {
        try {
            latest.published(name).ifPresentOrElse(p -> board.takeOver(p.health()), () -> board.watch(name));
            history.takeOver(name);
        } catch (StoreUnavailable e) {
            board.watch(name);
        }
    }

    /** Polls a target now, or right after its running poll; one this replica does not poll yet is split out at once. */
    public void pollSoon(MonitorTarget target) {
        if (share.holds(target.name())) {
            start(target, true);
        } else {
            workers.execute(this::tick);
        }
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

    private void publish(Snapshot snapshot) {
        try {
            latest.publish(snapshot);
        } catch (StoreUnavailable e) {
            LOG.debugf("the poll of %s is not published: %s", snapshot.cluster(), e.getMessage());
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
            // nor does a poll of a target this replica no longer polls (another took it over)
            if (target.equals(store.find(name).orElse(null)) && share.holds(name)) {
                board.update(snapshot).ifPresent(before -> events.record(Transitions.between(before.health(), snapshot.health())));
                metrics.update(board.all());
                history.record(snapshot.health());
                publish(snapshot);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "poll of %s failed", name);
        } finally {
            running.remove(name);
        }
        if (again.remove(name) && share.holds(name)) {
            store.find(name).ifPresent(this::pollSoon);
        }
    }
}
