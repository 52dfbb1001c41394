package io.coreswarm.store;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How this replica names itself to the others. */
@ConfigMapping(prefix = "coreswarm.replica")
public interface ReplicaConfig {
    /** This replica's id; default: the host name and HTTP port. */
    Optional<String> id();

    /**
     * The URL the other replicas reach this one at (requests are forwarded to the replica that owns
     * a cluster); default: {@code http://<quarkus.http.host>:<quarkus.http.port>}, with the host
     * name for a wildcard address.
     */
    Optional<String> advertisedUrl();
}
