package io.coreswarm.api.cluster;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.coreswarm.api.spec.ClusterSpec;

/** The node count a cluster should have. */
public record ScaleRequest(
        @NotNull(message = "must be given")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = ClusterSpec.MAX_NODES, message = "must be at most 99 (machines are named core-01 .. core-99)")
        Integer nodes) {
}
