package io.coreswarm.config.discovery;

/**
 * etcd's store index: one counter for all tokens, bumped by every write, as one etcd behind
 * discovery.etcd.io served every token. Guarded by {@link DiscoveryStore}'s lock.
 */
final class GlobalIndex {
    private long current;

    long next() {
        return ++current;
    }

    long current() {
        return current;
    }
}
