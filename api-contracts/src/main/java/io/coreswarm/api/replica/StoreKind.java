package io.coreswarm.api.replica;

/**
 * Where a service keeps its state ({@code coreswarm.store}). In configuration and JSON its
 * lowercase name: {@code files}, {@code etcd}.
 */
public enum StoreKind {
    /** Files under the service's data folders: one host, one replica. The default. */
    FILES,
    /** An etcd cluster ({@code coreswarm.etcd.endpoints}): any number of replicas on any hosts. */
    ETCD;

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
