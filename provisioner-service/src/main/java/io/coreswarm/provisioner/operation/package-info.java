/**
 * Running operations, knowing nothing of clusters: plans of steps run in the background one per
 * cluster at a time ({@code OperationRunner}), what a step sees ({@code OperationContext}: log,
 * progress, cancellation, waits, processes), branches at once ({@code Parallel}), operation records
 * ({@code Operations}) and their HTTP API. Outcomes go to an {@code OperationListener}.
 */
package io.coreswarm.provisioner.operation;
