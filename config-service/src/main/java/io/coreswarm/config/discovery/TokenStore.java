package io.coreswarm.config.discovery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Where discovery tokens and their keys are kept: {@link DiscoveryStore} in memory with
 * {@code coreswarm.store=files} (one replica), {@link EtcdTokenStore} in etcd with
 * {@code coreswarm.store=etcd} (any replica answers any token). {@link TokenStores} chooses. Both
 * answer the etcd v2 protocol alike, with the same {@link DiscoveryLimits}.
 */
public interface TokenStore {

    DiscoveryLimits limits();

    /** A key of a token, checked against the limits (a 400 problem naming {@code key} otherwise). */
    default KeyPath keyPath(String token, String key) {
        return KeyPath.of(token, key, limits());
    }

    /**
     * Creates a token holding {@code _config/size}; false if the token exists already. At the token
     * or memory cap an idle token is evicted first, or the call refused with a 429 problem.
     */
    boolean createToken(String token, int size);

    Outcome get(KeyPath path, boolean recursive);

    /**
     * etcd's PUT: {@code prevExist} false is "create" (412 if present), true is "update" (404 if
     * absent), null is "set" (either). Missing parent directories are created.
     *
     * @param ttl null for a key that never expires
     */
    Outcome set(KeyPath path, String value, Boolean prevExist, Duration ttl);

    /** Removes a key; directories stay (etcd needs dir=true for them, which discovery never sends). */
    Outcome delete(KeyPath path);

    /**
     * The first change at or after {@code sinceIndex} (0: the next one) that a watcher of
     * {@code path} sees: at once if it already happened, else a future a later write completes.
     * Cancelling the future ends the wait.
     */
    CompletableFuture<Change> watch(KeyPath path, boolean recursive, long sinceIndex);

    /** The store's index now, sent as {@code X-Etcd-Index}. */
    long index();

    int tokenCount();

    /** The estimated memory of every token's keys (and, in memory, their history). */
    long totalBytes();

    /** Whether a new token could be created now: below both caps, or with an idle token to evict. */
    boolean hasRoomForAToken();
}
