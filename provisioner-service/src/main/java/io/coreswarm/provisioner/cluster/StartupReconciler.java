package io.coreswarm.provisioner.cluster;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.cluster.Condition;
import io.coreswarm.provisioner.operation.OperationRunner;
import io.coreswarm.provisioner.operation.Operations;
import io.coreswarm.provisioner.vagrant.Vagrant;
import io.quarkus.runtime.StartupEvent;

/**
 * After a restart nothing is running, whatever the records say: each cluster's phase is read
 * again from {@code vagrant status}, and an operation that was cut off is no longer current.
 */
@ApplicationScoped
public class StartupReconciler {
    private static final Logger LOG = Logger.getLogger(StartupReconciler.class);

    /**
     * {@code operations} is asked for so that interrupted operations are marked at start-up, not on
     * first use. Phases are read in the background: {@code vagrant status} takes a second or two per
     * cluster, and the service should answer meanwhile.
     */
    void onStart(@Observes StartupEvent event, Clusters clusters, Operations operations, Vagrant vagrant, OperationRunner runner) {
        Thread reconcile = new Thread(() -> reconcile(clusters, vagrant, runner), "reconcile");
        reconcile.setDaemon(true);
        reconcile.start();
    }

    void reconcile(Clusters clusters, Vagrant vagrant, OperationRunner runner) {
        for (ClusterRecord c : clusters.all()) {
            if (runner.busy(c.name())) {
                continue;
            }
            ClusterPhase phase;
            String message;
            try {
                Map<String, String> states = vagrant.status(clusters.workspace(c.name()).machines());
                phase = phaseOf(states.values());
                message = "after a provisioner restart vagrant reports " + states;
            } catch (RuntimeException e) {
                phase = ClusterPhase.UNKNOWN;
                message = "after a provisioner restart vagrant status failed: " + e.getMessage();
            }
            if (c.currentOperation() != null) {
                message += "; operation " + c.currentOperation() + " was interrupted";
            }
            String status = phase == ClusterPhase.RUNNING && c.currentOperation() == null ? "True" : "Unknown";
            LOG.infof("cluster %s: %s (%s)", c.name(), phase, message);
            ClusterPhase reconciled = phase;
            String why = message;
            clusters.update(c.name(), r -> runner.busy(r.name()) ? r : r.withOperation(null).withPhase(reconciled,
                    List.of(new Condition("Ready", status, "Reconciled", why, Instant.now()))));
        }
    }

    /** All machines running: Running; all stopped: Halted; none created: Pending; a mix: Unknown. */
    static ClusterPhase phaseOf(Collection<String> states) {
        if (!states.isEmpty() && states.stream().allMatch("running"::equals)) {
            return ClusterPhase.RUNNING;
        }
        if (!states.isEmpty() && states.stream().allMatch(s -> s.equals("stopped") || s.equals("poweroff") || s.equals("saved"))) {
            return ClusterPhase.HALTED;
        }
        if (states.stream().allMatch("not_created"::equals)) {
            return ClusterPhase.PENDING;
        }
        return ClusterPhase.UNKNOWN;
    }
}
