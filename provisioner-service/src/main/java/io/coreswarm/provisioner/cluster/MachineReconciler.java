package io.coreswarm.provisioner.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.cluster.MachineState;
import io.coreswarm.provisioner.ProvisionerConfig;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.model.Conditions;
import io.coreswarm.provisioner.model.MachineObservation;
import io.coreswarm.provisioner.operation.Operations;
import io.coreswarm.provisioner.vagrant.Vagrant;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps each cluster's machine states confirmed by Vagrant in the background, so that reading a
 * cluster never runs a process: {@code vagrant status} right after an operation ends, on a
 * schedule ({@code coreswarm.provisioner.reconcile-every}) for a cluster whose states are older
 * than half of that, and once after a restart. Bounded: at most one {@code vagrant status} per
 * cluster at a time (a request meanwhile runs once after it), two clusters at a time, none while an
 * operation runs on the cluster, and a result taken while an operation started or ended is dropped.
 *
 * <p>After a restart nothing is running, whatever the records say: the first reconcile also sets
 * each cluster's phase from the states (condition reason {@code Reconciled}) and clears an
 * operation that was cut off. Otherwise the phase is the operations' business and only the
 * machines' states change.
 */
@ApplicationScoped
public class MachineReconciler {
    private static final Logger LOG = Logger.getLogger(MachineReconciler.class);

    private final Clusters clusters;
    private final Vagrant vagrant;
    private final Duration every;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "reconcile");
        t.setDaemon(true);
        return t;
    });
    /** set when the store did not answer at start-up: the schedule's next run does the reconcile after the restart */
    private volatile boolean restartPending;
    /** clusters an operation runs on */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    /** bumped when an operation starts or ends on a cluster: a status read across it is stale */
    private final Map<String, Long> generation = new ConcurrentHashMap<>();
    /** clusters with a reconcile queued or running; guarded by this */
    private final Map<String, Request> requested = new HashMap<>();

    private static final class Request {
        boolean again;
        boolean afterRestart;

        Request(boolean afterRestart) {
            this.afterRestart = afterRestart;
        }
    }

    MachineReconciler(Clusters clusters, Vagrant vagrant, ProvisionerConfig config) {
        this.clusters = clusters;
        this.vagrant = vagrant;
        this.every = config.reconcileEvery();
    }

    /**
     * {@code operations} is asked for so that interrupted operations are marked at start-up, not on
     * first use; the service answers while the clusters are reconciled in the background.
     */
    void onStart(@Observes StartupEvent event, Operations operations) {
        try {
            clusters.mine().forEach(c -> request(c.name(), true));
        } catch (io.coreswarm.store.StoreUnavailable e) {
            restartPending = true;
            LOG.warnf("the reconcile after the restart waits for the store: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${coreswarm.provisioner.reconcile-every:30s}", delayed = "${coreswarm.provisioner.reconcile-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (restartPending) {
            // the store did not answer at start-up: the reconcile after the restart, now
            clusters.mine().forEach(c -> request(c.name(), true));
            restartPending = false;
            return;
        }
        Instant stale = Instant.now().minus(every.dividedBy(2));
        // only this replica's clusters: the machines of the others are on their hosts
        for (ClusterRecord c : clusters.mine()) {
            if (!busy.contains(c.name()) && confirmedBefore(c, stale)) {
                request(c.name(), false);
            }
        }
    }

    void operationStarted(String cluster) {
        busy.add(cluster);
        generation.merge(cluster, 1L, Long::sum);
    }

    void operationReleased(String cluster) {
        busy.remove(cluster);
        generation.merge(cluster, 1L, Long::sum);
        if (clusters.find(cluster).isPresent()) {
            request(cluster, false);
        }
    }

    /** Queues one reconcile of the cluster, or one more after the one under way. */
    synchronized void request(String cluster, boolean afterRestart) {
        Request r = requested.get(cluster);
        if (r != null) {
            r.again = true;
            r.afterRestart |= afterRestart;
            return;
        }
        Request fresh = new Request(afterRestart);
        requested.put(cluster, fresh);
        executor.submit(() -> drain(cluster, fresh));
    }

    private void drain(String cluster, Request r) {
        while (true) {
            boolean afterRestart;
            synchronized (this) {
                afterRestart = r.afterRestart;
                r.afterRestart = false;
                r.again = false;
            }
            try {
                reconcile(cluster, afterRestart);
            } catch (RuntimeException e) {
                LOG.warnf(e, "reconciling cluster %s failed", cluster);
            }
            synchronized (this) {
                if (!r.again) {
                    requested.remove(cluster);
                    return;
                }
            }
        }
    }

    void reconcile(String cluster, boolean afterRestart) {
        if (busy.contains(cluster) || clusters.find(cluster).isEmpty()) {
            return;
        }
        long before = generation.getOrDefault(cluster, 0L);
        Map<String, MachineState> states = null;
        String failure = null;
        try {
            states = vagrant.status(clusters.workspace(cluster).machines());
        } catch (RuntimeException e) {
            failure = e.getMessage();
        }
        Instant at = Instant.now();
        Map<String, MachineState> reported = states;
        String why = failure;
        clusters.updateIfPresent(cluster, c -> {
            if (busy.contains(cluster) || generation.getOrDefault(cluster, 0L) != before) {
                return c;
            }
            if (afterRestart) {
                return afterRestart(c, reported, why, at);
            }
            if (reported == null) {
                LOG.debugf("cluster %s: vagrant status failed: %s", cluster, why);
                return c;
            }
            return c.withMachines(reported, at);
        });
    }

    private static ClusterRecord afterRestart(ClusterRecord c, Map<String, MachineState> states, String failure, Instant at) {
        ClusterPhase phase;
        String message;
        ClusterRecord r = c;
        if (states != null) {
            phase = phaseOf(states.values());
            message = "after a provisioner restart vagrant reports " + states;
            r = r.withMachines(states, at);
        } else {
            phase = ClusterPhase.UNKNOWN;
            message = "after a provisioner restart vagrant status failed: " + failure;
        }
        if (c.currentOperation() != null) {
            message += "; operation " + c.currentOperation() + " was interrupted";
        }
        String status = phase == ClusterPhase.RUNNING && c.currentOperation() == null ? "True" : "Unknown";
        LOG.infof("cluster %s: %s (%s)", c.name(), phase, message);
        // only Ready is replaced: the last workload check's conditions survive the restart
        return r.withOperation(null).withPhase(phase,
                Conditions.merge(c.conditions(), List.of(new Condition(Conditions.READY, status, "Reconciled", message, at))));
    }

    /** All machines running: Running; all halted: Halted; none created: Pending; a mix: Unknown. */
    static ClusterPhase phaseOf(Collection<MachineState> states) {
        if (!states.isEmpty() && states.stream().allMatch(s -> s == MachineState.RUNNING)) {
            return ClusterPhase.RUNNING;
        }
        if (!states.isEmpty() && states.stream().allMatch(MachineState::halted)) {
            return ClusterPhase.HALTED;
        }
        if (states.stream().allMatch(s -> s == MachineState.NOT_CREATED)) {
            return ClusterPhase.PENDING;
        }
        return ClusterPhase.UNKNOWN;
    }

    private static boolean confirmedBefore(ClusterRecord c, Instant stale) {
        for (String node : c.nodeNames()) {
            MachineObservation m = c.machine(node);
            if (m.confirmedAt() == null || m.confirmedAt().isBefore(stale)) {
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
