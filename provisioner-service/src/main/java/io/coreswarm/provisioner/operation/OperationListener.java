package io.coreswarm.provisioner.operation;

import io.coreswarm.api.operation.OperationState;

/**
 * Who is told how a plan goes: the runner reports here, and knows nothing of what the listener
 * keeps (the cluster package keeps each cluster's phase, conditions and machines).
 */
public interface OperationListener {

    /** A plan was queued as {@code operation} for {@code cluster}. */
    void started(String cluster, String operation, Plan plan);

    /**
     * The plan ended in {@code state} (succeeded, failed or cancelled; {@code error} says why when
     * not succeeded). Called before the operation record says so, so that whoever sees the
     * operation finished sees the cluster as it left it.
     */
    void ended(String cluster, Plan plan, OperationState state, String error);

    /** The cluster takes another operation again. */
    void released(String cluster);
}
