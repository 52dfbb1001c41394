package io.coreswarm.api.cluster;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How to reach a cluster: a {@code DOCKER_HOST} for a manager, the etcd client URLs, and the
 * address of the cluster's registry ({@code host:port}) when its spec asked for one.
 */
@Schema(requiredProperties = { "dockerHost", "etcd" })
public record ClusterEndpoints(String dockerHost, List<String> etcd,
        @Schema(nullable = true, description = "host:port of the cluster's registry (spec.registry), null without one", example = "172.29.1.101:5000")
        String registry) {
}
