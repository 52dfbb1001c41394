package io.coreswarm.api.cluster;

import java.util.List;

/** How to reach a cluster: a {@code DOCKER_HOST} for a manager and the etcd client URLs. */
public record ClusterEndpoints(String dockerHost, List<String> etcd) {
}
