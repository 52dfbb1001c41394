package io.coreswarm.monitor.history;

import java.util.Optional;

/** Where each cluster's history is written between flushes: files of this host, or etcd shared by the replicas. */
interface SeriesStore {

    void write(String cluster, Series.Saved saved);

    /** The saved history; empty when there is none or it cannot be read (logged). */
    Optional<Series.Saved> read(String cluster);

    void delete(String cluster);

    /** Whether another replica may hold a cluster's history (so a query of one not kept here reads it from the store). */
    boolean shared();
}
