package io.coreswarm.config.discovery;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "coreswarm.discovery")
public interface DiscoveryConfig {

    /**
     * Where members reach this service, when that differs from the URL the token was asked for
     * (nodes on a container network reach it through their gateway, not localhost). When set, the
     * request's {@code Host} header is never used.
     */
    Optional<URI> baseUrl();

    /**
     * Without a base URL, token URLs are built from the request's {@code Host}, which must then name
     * this machine: {@code localhost}, its host name, one of its addresses, or one of these.
     */
    Optional<List<String>> allowedHosts();

    /**
     * How long a {@code wait=true} poll is held open. It then answers 200 with an empty body,
     * which etcd's client treats as "ask again", so this only bounds how long a connection lingers.
     */
    @WithDefault("60s")
    Duration waitTimeout();

    /** What one caller may store; see {@link DiscoveryLimits}. */
    Limits limits();

    interface Limits {
        /** The longest TTL a key may have. */
        @WithDefault("168h")
        Duration maxTtl();

        /** Segments of a key below its token ({@code _config/size} has 2). */
        @WithDefault("16")
        int maxKeyDepth();

        /** Characters of a key below its token. */
        @WithDefault("512")
        int maxKeyLength();

        /** Characters of a value. */
        @WithDefault("4096")
        int maxValueLength();

        /** Keys and directories in one token, {@code _config} included. */
        @WithDefault("256")
        int maxKeysPerToken();

        /** Long polls held open on one token at a time. */
        @WithDefault("256")
        int maxWaitersPerToken();

        /** Tokens kept; at the cap the least recently used idle one is evicted for a new one. */
        @WithDefault("10000")
        int maxTokens();

        /** Estimated bytes of every token's keys and event history together. */
        @WithDefault("67108864")
        long maxTotalBytes();

        /** A token untouched this long, with no poll waiting on it, may be evicted at a cap. */
        @WithDefault("10m")
        Duration idleBeforeEviction();
    }
}
