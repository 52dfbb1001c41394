package io.coreswarm.provisioner.operation;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.operation.OperationState;
import io.coreswarm.api.operation.Progress;
import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.provisioner.cluster.Clusters;

/**
 * Runs plans in the background, one per cluster at a time, and keeps the operation record and
 * the cluster's phase and conditions in step with what happens.
 */
@ApplicationScoped
public class OperationRunner {
    private static final Logger LOG = Logger.getLogger(OperationRunner.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Operations operations;
    private final Clusters clusters;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "operation");
        t.setDaemon(true);
        return t;
    });
    /** cluster name to the context of its running operation */
    private final Map<String, OperationContext> running = new ConcurrentHashMap<>();

    OperationRunner(Operations operations, Clusters clusters) {
        this.operations = operations;
        this.clusters = clusters;
    }

    /** Queues a plan for a cluster; 409 when the cluster is already busy. */
    public Operation start(String cluster, Plan plan) {
        String id = "op-" + HexFormat.of().formatHex(RANDOM.generateSeed(5));
        OperationContext context = new OperationContext(operations, clusters.workspace(cluster), id);
        OperationContext busy = running.putIfAbsent(cluster, context);
        if (busy != null) {
            context.close();
            Operation current = operations.get(busy.id());
            throw new ProblemException(409, "Conflict", "cluster " + cluster + " is busy with operation "
                    + current.id() + " (" + current.kind() + ", " + current.state() + "); wait for it or cancel it");
        }
        Operation queued = new Operation(id, cluster, plan.kind(), OperationState.QUEUED,
                new Progress("queued", 0, plan.nodes()), Instant.now(), null, null, null);
        operations.save(queued);
        clusters.update(cluster, c -> c.withOperation(id).withPhase(plan.during(), c.conditions()));
        executor.submit(() -> run(cluster, plan, context));
        return queued;
    }

    public Operation cancel(String id) {
        Operation op = operations.get(id);
        OperationContext context = running.get(op.cluster());
        if (context == null || !context.id().equals(id)) {
            throw new ProblemException(409, "Conflict", "operation " + id + " is " + op.state() + ", not running");
        }
        context.log("cancel requested: stopping the process tree");
        context.cancel();
        return operations.get(id);
    }

    private void run(String cluster, Plan plan, OperationContext op) {
        op.update(o -> new Operation(o.id(), o.cluster(), o.kind(), OperationState.RUNNING, o.progress(),
                o.createdAt(), Instant.now(), null, null));
        try {
            for (Step step : plan.steps()) {
                op.throwIfCancelled();
                op.progress(step.name(), 0, plan.nodes());
                op.log("==> " + step.name());
                step.body().run(op);
            }
            finish(op, OperationState.SUCCEEDED, null);
            if (plan.after() != null) {
                clusters.update(cluster, c -> c.withOperation(null).withPhase(plan.after(),
                        List.of(condition("True", plan.kind() + "Succeeded", plan.kind() + " succeeded"))));
            }
        } catch (OperationCancelled e) {
            op.log("cancelled");
            finish(op, OperationState.CANCELLED, "cancelled");
            clusters.find(cluster).ifPresent(c -> clusters.update(cluster, r -> r.withOperation(null).withPhase(ClusterPhase.UNKNOWN,
                    List.of(condition("Unknown", plan.kind() + "Cancelled", plan.kind() + " was cancelled")))));
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("operation %s (%s of %s) failed: %s", op.id(), plan.kind(), cluster, message);
            op.log("failed: " + message);
            finish(op, OperationState.FAILED, message);
            clusters.find(cluster).ifPresent(c -> clusters.update(cluster, r -> r.withOperation(null).withPhase(ClusterPhase.FAILED,
                    List.of(condition("False", plan.kind() + "Failed", message)))));
        } finally {
            running.remove(cluster);
            op.close();
        }
    }

    private static void finish(OperationContext op, OperationState state, String error) {
        op.update(o -> new Operation(o.id(), o.cluster(), o.kind(), state,
                state == OperationState.SUCCEEDED ? new Progress("done", o.progress().nodesTotal(), o.progress().nodesTotal()) : o.progress(),
                o.createdAt(), o.startedAt(), Instant.now(), error));
    }

    private static Condition condition(String status, String reason, String message) {
        return new Condition("Ready", status, capitalize(reason), message, Instant.now());
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public boolean busy(String cluster) {
        return running.containsKey(cluster);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
