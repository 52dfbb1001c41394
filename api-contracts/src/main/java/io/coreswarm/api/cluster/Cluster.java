package io.coreswarm.api.cluster;

import java.time.Instant;
import java.util.List;

import io.coreswarm.api.spec.ClusterSpec;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cluster as provisioner-service knows it. */
@Schema(requiredProperties = { "spec", "phase", "conditions", "nodes", "endpoints", "discoveryUrl", "createdAt" })
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
