package io.coreswarm.config.discovery;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every token's keys, in memory: a restart forgets them, and tokens are never evicted. That is
 * enough for now because a token only matters while its cluster bootstraps (minutes), and
 * coreswarm mints one per cluster. One lock serialises all calls: discovery traffic is a handful
 * of requests per member, and a single lock keeps the global index and the watchers consistent.
 */
@ApplicationScoped
public class DiscoveryStore {
    private final Map<String, TokenSpace> tokens = new HashMap<>();
    private final GlobalIndex index = new GlobalIndex();
    private final Clock clock;

    @Inject
    public DiscoveryStore() {
        this(Clock.systemUTC());
    }

    DiscoveryStore(Clock clock) {
        this.clock = clock;
    }

    /** Creates a token holding {@code _config/size}; false if the token exists already. */
    public synchronized boolean createToken(String token, int size) {
        if (tokens.containsKey(token)) {
            return false;
        }
        tokens.put(token, new TokenSpace(token, size, index, clock));
        return true;
    }

    public Outcome get(KeyPath path, boolean recursive) {
        return inToken(path, space -> space.get(path, recursive));
    }

    /** @see TokenSpace#set */
    public Outcome set(KeyPath path, String value, Boolean prevExist, Duration ttl) {
        return inToken(path, space -> space.set(path, value, prevExist, ttl));
    }

    public Outcome delete(KeyPath path) {
        return inToken(path, space -> space.delete(path));
    }

    /** @see TokenSpace#watch */
    public CompletableFuture<Change> watch(KeyPath path, boolean recursive, long sinceIndex) {
        return inToken(path, space -> space.watch(path, recursive, sinceIndex));
    }

    public synchronized long index() {
        return index.current();
    }

    /**
     * Runs {@code call} under the lock, then wakes the waiters it satisfied outside it, so their
     * responses are not written while other callers wait for the lock.
     */
    private <T> T inToken(KeyPath path, Function<TokenSpace, T> call) {
        List<Runnable> wake = List.of();
        try {
            synchronized (this) {
                TokenSpace space = tokens.get(path.token());
                if (space == null) {
                    throw EtcdException.keyNotFound(path.etcdKey(), index.current());
                }
                try {
                    return call.apply(space);
                } finally {
                    // a call that fails may still have expired keys, and their watchers must hear of it
                    wake = space.takeDeliveries();
                }
            }
        } finally {
            wake.forEach(Runnable::run);
        }
    }
}
