package io.coreswarm.provisioner.cluster;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.cluster.MachineState;
import io.coreswarm.api.operation.OperationKind;
import io.coreswarm.api.operation.OperationState;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.model.Conditions;
import io.coreswarm.provisioner.operation.OperationListener;
import io.coreswarm.provisioner.operation.Plan;

/**
 * Keeps each cluster's record in step with its operations, as the runner reports them: the phase
 * and current operation while a plan runs; after it, the phase and Ready condition it left (the
 * other conditions stay, one per type) and,
 * after a success, the machines' states it confirmed (all running, or all halted). Once the
 * cluster is free again, Vagrant is asked to confirm ({@link MachineReconciler}).
 */
@ApplicationScoped
public class ClusterPhases implements OperationListener {
    private final Clusters clusters;
    private final MachineReconciler reconciler;

    ClusterPhases(Clusters clusters, MachineReconciler reconciler) {
        this.clusters = clusters;
        this.reconciler = reconciler;
    }

    @Override
    public void started(String cluster, String operation, Plan plan) {
        reconciler.operationStarted(cluster);
        clusters.updateIfPresent(cluster, c -> c.withOperation(operation).withPhase(plan.during(), c.conditions()));
    }

    @Override
    public void ended(String cluster, Plan plan, OperationState state, String error) {
        if (!changesPhase(plan.kind())) {
            // a check or an image load leaves phase and Ready as they were; its steps wrote what they found
            clusters.updateIfPresent(cluster, c -> c.withOperation(null));
            return;
        }
        String kind = capitalize(plan.kind().toString());
        clusters.updateIfPresent(cluster, c -> switch (state) {
            case SUCCEEDED -> plan.after() == null ? c : confirmed(c.withOperation(null).withPhase(plan.after(),
                    ready(c, condition("True", kind + "Succeeded", plan.kind() + " succeeded"))), plan.after());
            case CANCELLED -> c.withOperation(null).withPhase(ClusterPhase.UNKNOWN,
                    ready(c, condition("Unknown", kind + "Cancelled", plan.kind() + " was cancelled")));
            default -> c.withOperation(null).withPhase(ClusterPhase.FAILED,
                    ready(c, condition("False", kind + "Failed", error)));
        });
    }

    /** Whether an operation of this kind moves the cluster's phase and Ready condition. */
    static boolean changesPhase(OperationKind kind) {
        return kind != OperationKind.CHECK && kind != OperationKind.LOAD_IMAGES;
    }

    /** The cluster's conditions with Ready replaced; the others (capabilities, WorkloadsReady) stay. */
    private static List<Condition> ready(ClusterRecord c, Condition ready) {
        return Conditions.merge(c.conditions(), List.of(ready));
    }

    @Override
    public void released(String cluster) {
        reconciler.operationReleased(cluster);
    }

    /** What a successful plan confirmed of every machine: running, or halted as the provider calls it. */
    static ClusterRecord confirmed(ClusterRecord c, ClusterPhase after) {
        MachineState state = switch (after) {
            case RUNNING -> MachineState.RUNNING;
            case HALTED -> halted(c.spec().provider());
            default -> null;
        };
        return state == null ? c : c.withMachines(c.nodeNames(), state, Instant.now());
    }

    /** The state {@code vagrant halt} leaves a machine in, per provider. */
    static MachineState halted(Provider provider) {
        return switch (provider) {
            case DOCKER -> MachineState.STOPPED;
            case VIRTUALBOX -> MachineState.POWEROFF;
            case LIBVIRT -> MachineState.SHUTOFF;
        };
    }

    private static Condition condition(String status, String reason, String message) {
        return new Condition(Conditions.READY, status, reason, message, Instant.now());
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
