package io.coreswarm.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.coreswarm.api.replica.StoreKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where a service keeps its state, the same keys in every service. */
@ConfigMapping(prefix = "coreswarm")
public interface StoreConfig {

    /** {@code files} (one host, the default) or {@code etcd} (shared by any number of replicas). */
    @WithDefault("files")
    StoreKind store();

    Etcd etcd();

    Replica replica();

    interface Etcd {
        /** The etcd members' client URLs ({@code http://…} or {@code https://…}), comma-separated; required with {@code store=etcd}. */
        Optional<List<String>> endpoints();

        /**
         * A folder with {@code ca.pem}, {@code cert.pem} and {@code key.pem} (docker's layout) for an
         * etcd that serves https and asks for client certificates.
         */
        Optional<Path> tlsDir();

        /** The prefix of every key the platform writes, so that one etcd may serve other users too. */
        @WithDefault("/coreswarm/")
        String namespace();

        /**
         * The TTL of each replica's lease: a replica that dies lets go of what it holds (polled
         * targets, cluster locks) and drops out of {@code /v1/replicas} within it.
         */
        @WithDefault("10s")
        Duration leaseTtl();

        /** How long one call to etcd may take before the request that needed it is answered 503. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface Replica {
        /** This replica's id; default: the host name and HTTP port. */
        Optional<String> id();

        /**
         * The URL the other replicas reach this one at (requests are forwarded to the replica that
         * owns a cluster); default: {@code http://<quarkus.http.host>:<quarkus.http.port>}, with the
         * host name for a wildcard address.
         */
        Optional<String> advertisedUrl();
    }
}
