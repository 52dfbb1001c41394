package io.coreswarm.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The etcd that keeps the state when {@code coreswarm.store=etcd} (a key of its own, read by
 * {@link StateStore}: a mapping rooted at {@code coreswarm} would claim every service's other keys).
 */
@ConfigMapping(prefix = "coreswarm.etcd")
public interface EtcdConfig {
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
