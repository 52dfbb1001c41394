package io.coreswarm.api.auth;

/**
 * What a service serves on a request whose local address is not loopback, i.e. one that reached it
 * through another interface ({@code coreswarm.api.non-loopback}).
 */
public enum NonLoopback {
    /** The whole API, with the token, as on loopback: for a service bound elsewhere on purpose. */
    API,
    /**
     * Only the etcd discovery token paths ({@link OpenPaths#isDiscoveryToken}); anything else is a 404
     * problem. config-service's setting: it listens on every interface so that nodes reach discovery
     * through their network's gateway, and nothing else of it should be reachable that way.
     */
    DISCOVERY_ONLY
}
