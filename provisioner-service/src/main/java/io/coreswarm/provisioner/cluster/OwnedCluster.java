package io.coreswarm.provisioner.cluster;

import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.model.Owner;

/**
 * A cluster record with the replica that owns it: the value under {@code provisioner/clusters/<name>}
 * in etcd. With files the owner is this replica (null outside Quarkus).
 */
public record OwnedCluster(Owner owner, ClusterRecord record) {
}
