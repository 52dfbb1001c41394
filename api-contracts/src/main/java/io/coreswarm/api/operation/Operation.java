package io.coreswarm.api.operation;

import java.time.Instant;

/** A long-running change to a cluster, followed by polling it or its event stream. */
public record Operation(
        String id,
        String cluster,
        OperationKind kind,
        OperationState state,
        Progress progress,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error) {
}
