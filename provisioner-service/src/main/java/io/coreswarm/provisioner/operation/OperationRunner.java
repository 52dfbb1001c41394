package io.coreswarm.provisioner.operation;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.operation.OperationState;
import io.coreswarm.api.problem.Conflict;
import io.coreswarm.provisioner.workspace.Workspaces;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Runs plans in the background, one per cluster at a time: each step in turn, with the
 * operation's record, log and progress kept as it goes. What a plan means for its cluster is the
 * {@link OperationListener}'s business: the runner reports to it and never reaches into clusters.
 */
@ApplicationScoped
public class OperationRunner {
    private static final Logger LOG = Logger.getLogger(OperationRunner.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Operations operations;
    private final Workspaces workspaces;
    private final OperationListener listener;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "operation");
        t.setDaemon(true);
        return t;
    });
    /** cluster name to the context of its running operation */
    private final Map<String, OperationContext> running = new ConcurrentHashMap<>();
    /** set at shutdown: an operation stopped now is interrupted, not cancelled */
    private volatile boolean stopping;

    private final OperationMetrics metrics;
    private final ClusterLocks locks;

    @Inject
    OperationRunner(Operations operations, Workspaces workspaces, OperationListener listener, OperationMetrics metrics, ClusterLocks locks) {
        this.operations = operations;
        this.workspaces = workspaces;
        this.listener = listener;
        this.metrics = metrics;
        this.locks = locks;
    }

    /** Without Quarkus (tests): no lock beyond this runner's. */
    OperationRunner(Operations operations, Workspaces workspaces, OperationListener listener, OperationMetrics metrics) {
        this(operations, workspaces, listener, metrics, new ClusterLocks());
    }

    /** Without Quarkus (tests): metrics in a registry of the runner's own, no lock beyond this runner's. */
    OperationRunner(Operations operations, Workspaces workspaces, OperationListener listener) {
        this(operations, workspaces, listener, new OperationMetrics());
    }

    /** Queues a plan for a cluster; {@link ClusterBusy} when the cluster already runs one. */
    public Operation start(String cluster, Plan plan) {
        String id = "op-" + HexFormat.of().formatHex(RANDOM.generateSeed(5));
        OperationContext context = new OperationContext(operations, workspaces.of(cluster), id);
        OperationContext busy = running.putIfAbsent(cluster, context);
        if (busy != null) {
            context.close();
            throw new ClusterBusy(operations.get(busy.id()));
        }
        Operation queued = Operation.queued(id, cluster, plan.kind(), plan.nodes());
        try {
            locks.take(cluster).ifPresent(holder -> {
                throw busyElsewhere(cluster, holder);
            });
            operations.save(queued);
        } catch (RuntimeException e) {
            report(cluster, () -> locks.release(cluster));
            running.remove(cluster, context);
            context.close();
            throw e;
        }
        listener.started(cluster, id, plan);
        executor.submit(() -> run(cluster, plan, context));
        return queued;
    }

    /** 409 for a cluster whose lock another replica holds: its running operation when the records show it. */
    private Conflict busyElsewhere(String cluster, String holder) {
        return operations.list(cluster).stream().filter(o -> !o.state().finished()).reduce((a, b) -> b)
                .<Conflict>map(ClusterBusy::new)
                .orElseGet(() -> new Conflict("cluster " + cluster + " is busy: replica " + holder
                        + " runs an operation on it; wait for it or cancel it"));
    }

    /** {@link ClusterBusy} when the cluster runs an operation: for checks that must answer before a plan is made. */
    public void ensureIdle(String cluster) {
        OperationContext busy = running.get(cluster);
        if (busy != null) {
            throw new ClusterBusy(operations.get(busy.id()));
        }
        locks.heldElsewhere(cluster).ifPresent(holder -> {
            throw busyElsewhere(cluster, holder);
        });
    }

    public Operation cancel(String id) {
        Operation op = operations.get(id);
        OperationContext context = running.get(op.cluster());
        if (context == null || !context.id().equals(id)) {
            throw new Conflict("operation " + id + " is " + op.state() + ", not running");
        }
        context.log("cancel requested: stopping the process tree");
        context.cancel();
        return operations.get(id);
    }

    private void run(String cluster, Plan plan, OperationContext op) {
        op.update(o -> o.withState(OperationState.RUNNING).withStartedAt(Instant.now()));
        metrics.started();
        try {
            for (Step step : plan.steps()) {
                op.throwIfCancelled();
                op.progress(step.name(), 0, plan.nodes());
                op.log("==> " + step.name());
                step.run(op);
            }
            if (stopping) {
                // finished after shutdown had recorded it interrupted: what it did is for the next start to read
                interrupted(op);
                return;
            }
            end(cluster, plan, op, OperationState.SUCCEEDED, null);
        } catch (Exception e) {
            if (stopping) {
                // whatever the step saw of its stopped processes, the cause is the shutdown
                interrupted(op);
                return;
            }
            if (e instanceof OperationCancelled) {
                op.log("cancelled");
                end(cluster, plan, op, OperationState.CANCELLED, "cancelled");
                return;
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("operation %s (%s of %s) failed: %s", op.id(), plan.kind(), cluster, message);
            op.log("failed: " + message);
            end(cluster, plan, op, OperationState.FAILED, message);
        } finally {
            report(cluster, () -> metrics.finished(operations.get(op.id())));
            running.remove(cluster);
            report(cluster, () -> locks.release(cluster));
            op.close();
            if (!stopping) {
                report(cluster, () -> listener.released(cluster));
            }
        }
    }

    /**
     * Recorded as the next start would find it: the cluster keeps the operation as its current one,
     * and at start-up the reconciler reads its machines again and says the operation was interrupted.
     */
    private void interrupted(OperationContext op) {
        op.log("interrupted: the provisioner stopped");
        op.update(o -> o.state().finished() ? o : o.withState(OperationState.INTERRUPTED).withFinishedAt(Instant.now())
                .withError(INTERRUPTED_ERROR));
    }

    static final String INTERRUPTED_ERROR = "the provisioner stopped while this operation ran";
    /** How long a stopping provisioner waits for its operations to end once their processes are stopped. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    void onShutdown(@Observes ShutdownEvent event) {
        interruptAll(SHUTDOWN_GRACE);
    }

    /**
     * At shutdown: every running operation's process tree is stopped (no vagrant or docker process
     * outlives the service) and the operation recorded {@code interrupted}; a step that does not
     * end within {@code grace} is recorded so all the same.
     */
    void interruptAll(Duration grace) {
        stopping = true;
        running.values().forEach(op -> {
            LOG.infof("stopping: operation %s is interrupted and its processes stopped", op.id());
            op.log("the provisioner is stopping: stopping the process tree");
            op.cancel();
        });
        executor.shutdown();
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // steps that did not end: recorded all the same (their log may be closed under them)
        running.values().forEach(op -> {
            try {
                interrupted(op);
            } catch (RuntimeException e) {
                LOG.warnf("recording operation %s as interrupted: %s", op.id(), e.getMessage());
            }
        });
        executor.shutdownNow();
    }

    /** The listener first, so that whoever sees the operation finished sees the cluster as it left it. */
    private void end(String cluster, Plan plan, OperationContext op, OperationState state, String error) {
        report(cluster, () -> listener.ended(cluster, plan, state, error));
        op.update(o -> o.withState(state)
                .withProgress(state == OperationState.SUCCEEDED ? o.progress().completed("done") : o.progress())
                .withFinishedAt(Instant.now()).withError(error));
    }

    private void report(String cluster, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "recording an operation's outcome for cluster %s failed", cluster);
        }
    }

    public boolean busy(String cluster) {
        return running.containsKey(cluster);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
