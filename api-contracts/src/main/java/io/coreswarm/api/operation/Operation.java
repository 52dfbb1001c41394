package io.coreswarm.api.operation;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A long-running change to a cluster, followed by polling it or its event stream. Records are
 * values: a change is a copy made with the {@code with…} methods.
 */
@Schema(requiredProperties = { "id", "cluster", "kind", "state", "progress", "createdAt" })
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

    /** A new operation, queued now, on no step yet. */
    public static Operation queued(String id, String cluster, OperationKind kind, int nodesTotal) {
        return new Operation(id, cluster, kind, OperationState.QUEUED, new Progress("queued", 0, nodesTotal),
                Instant.now(), null, null, null);
    }

    public Operation withState(OperationState s) {
        return new Operation(id, cluster, kind, s, progress, createdAt, startedAt, finishedAt, error);
    }

    public Operation withProgress(Progress p) {
        return new Operation(id, cluster, kind, state, p, createdAt, startedAt, finishedAt, error);
    }

    public Operation withStartedAt(Instant at) {
        return new Operation(id, cluster, kind, state, progress, createdAt, at, finishedAt, error);
    }

    public Operation withFinishedAt(Instant at) {
        return new Operation(id, cluster, kind, state, progress, createdAt, startedAt, at, error);
    }

    public Operation withError(String e) {
        return new Operation(id, cluster, kind, state, progress, createdAt, startedAt, finishedAt, e);
    }
}
