package io.coreswarm.config.discovery;

import java.util.List;

/**
 * Where discovery lives in etcd, relative to the platform's namespace (config-service's prefix is
 * {@code config/}). A token's v2 tree is one etcd key per node: {@code config/discovery/<token>/}
 * is its root directory, {@code config/discovery/<token>/_config/size} its size, each member's key
 * below it; every value is a {@link StoredNode}.
 */
final class EtcdDiscoveryKeys {
    static final String TOKENS = "config/discovery/";
    /** {@code config/last-used/<token>}: when a replica last used the token (an ISO instant), for idle eviction. */
    static final String LAST_USED = "config/last-used/";
    /** The count and estimated bytes of every token ({@link DiscoveryUsage}), changed in each write's transaction. */
    static final String USAGE = "config/usage";

    private EtcdDiscoveryKeys() {
    }

    static String root(String token) {
        return TOKENS + token + "/";
    }

    static String key(KeyPath path) {
        return root(path.token()) + String.join("/", path.segments());
    }

    static String lastUsed(String token) {
        return LAST_USED + token;
    }

    /** The path an etcd key of {@code token}'s tree stands for; null for a key outside it. */
    static KeyPath path(String token, String key) {
        String root = root(token);
        if (!key.startsWith(root)) {
            return null;
        }
        String rest = key.substring(root.length());
        return rest.isEmpty() ? KeyPath.root(token) : new KeyPath(token, List.of(rest.split("/")));
    }
}
