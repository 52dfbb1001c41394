package io.coreswarm.api.cluster;

import java.time.Instant;
import java.util.List;

import io.coreswarm.api.spec.ClusterSpec;

/** A cluster as provisioner-service knows it. */
public record Cluster(
        ClusterSpec spec,
        ClusterPhase phase,
        List<Condition> conditions,
        List<ClusterNode> nodes,
        ClusterEndpoints endpoints,
        String discoveryUrl,
        Instant createdAt,
        String currentOperation) {
}
