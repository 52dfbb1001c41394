package io.coreswarm.config.discovery;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "coreswarm.discovery")
public interface DiscoveryConfig {

    /**
     * Where members reach this service, when that differs from the URL the token was asked for
     * (nodes on a container network reach it through their gateway, not localhost).
     */
    Optional<URI> baseUrl();

    /**
     * How long a {@code wait=true} poll is held open. It then answers 200 with an empty body,
     * which etcd's client treats as "ask again", so this only bounds how long a connection lingers.
     */
    @WithDefault("60s")
    Duration waitTimeout();
}
