package io.coreswarm.api.health;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.coreswarm.api.cluster.Condition;

/**
 * A cluster's last workload check, as provisioner-service tells monitor-service (part of a
 * {@link MonitorTarget}): whether a probe task ran on every node and reached every other, the
 * nodes where it did not, and what the nodes' kernels give Swarm (conditions RoutingMesh,
 * Overlay, ContainerRuntime, WorkloadsReady).
 *
 * @param checkedAt when the check ended
 * @param ok        workloads run on every node
 * @param failing   the nodes where they do not, each with why
 */
public record WorkloadReport(
        @NotNull(message = "must be the time the check ended") Instant checkedAt,
        boolean ok,
        @Size(max = 99, message = "must list at most 99 nodes") List<@Valid @NotNull(message = "must be a node, not null") FailingNode> failing,
        @Size(max = 16, message = "must list at most 16 conditions") List<@NotNull(message = "must be a condition, not null") Condition> conditions) {

    public WorkloadReport {
        failing = failing == null ? List.of() : List.copyOf(failing);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** A node where workloads did not run, and why. */
    public record FailingNode(
            @NotNull(message = "must name the node") @Size(max = 253, message = "must be at most 253 characters") String node,
            @Size(max = 4096, message = "must be at most 4096 characters") String detail) {
    }
}
