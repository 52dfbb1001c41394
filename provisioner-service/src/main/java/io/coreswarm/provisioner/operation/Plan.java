package io.coreswarm.provisioner.operation;

import java.util.List;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.operation.OperationKind;

/**
 * An operation to run: its steps in order, the phase the cluster shows meanwhile and after
 * success ({@code null} after success: the cluster is gone).
 */
public record Plan(OperationKind kind, int nodes, ClusterPhase during, ClusterPhase after, List<Step> steps) {
}
