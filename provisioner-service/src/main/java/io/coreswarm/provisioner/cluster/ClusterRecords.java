package io.coreswarm.provisioner.cluster;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.coreswarm.provisioner.model.ClusterRecord;

/**
 * Where cluster records are kept: {@link FileClusterRecords} (each workspace's cluster.json, the
 * default) or {@link EtcdClusterRecords} (shared by every replica). {@link Clusters} chooses.
 */
interface ClusterRecords {
    Optional<OwnedCluster> find(String name);

    /** Every cluster in name order. */
    List<OwnedCluster> all();

    /** Writes a new record, owned by this replica, only if no cluster has its name; false if one has. */
    boolean create(ClusterRecord record);

    /** Writes the record of a cluster this replica owns. */
    void save(ClusterRecord record);

    /** Changes a cluster that still exists; a change that returns the record it was given writes nothing. */
    Optional<ClusterRecord> update(String name, UnaryOperator<ClusterRecord> change);

    /** Forgets a cluster this replica owns (its workspace is {@link Clusters}' business). */
    void remove(String name);
}
