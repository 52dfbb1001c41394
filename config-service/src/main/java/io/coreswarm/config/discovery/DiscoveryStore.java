package io.coreswarm.config.discovery;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Every token's keys, in memory: a restart forgets them. A token only matters while its cluster
 * bootstraps (minutes), so what one caller can make it hold is bounded ({@link DiscoveryLimits}):
 * at the token or memory cap the least recently used token that is idle (untouched for a while,
 * no poll waiting on it) is evicted, and when none is, the request is refused with 429. One lock
 * serialises all calls: discovery traffic is a handful of requests per member, and a single lock
 * keeps the global index, the watchers and the byte count consistent.
 * <p>
 * The {@link TokenStore} of {@code coreswarm.store=files}; typed as itself only, so that
 * {@link TokenStores} alone says which store serves.
 */
@ApplicationScoped
@Typed(DiscoveryStore.class)
public class DiscoveryStore implements TokenStore {
    private static final Logger LOG = Logger.getLogger(DiscoveryStore.class);

    /** In access order: the first entries are the least recently used. */
    private final Map<String, TokenSpace> tokens = new LinkedHashMap<>(16, 0.75f, true);
    private final GlobalIndex index = new GlobalIndex();
    private final Clock clock;
    private final DiscoveryLimits limits;
    private long totalBytes;

    @Inject
    DiscoveryStore(DiscoveryConfig config) {
        this(Clock.systemUTC(), DiscoveryLimits.of(config.limits()));
    }

    public DiscoveryStore() {
        this(Clock.systemUTC(), DiscoveryLimits.DEFAULTS);
    }

    DiscoveryStore(Clock clock) {
        this(clock, DiscoveryLimits.DEFAULTS);
    }

    DiscoveryStore(Clock clock, DiscoveryLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public DiscoveryLimits limits() {
        return limits;
    }

    /** A key of a token, checked against the limits (a 400 problem naming {@code key} otherwise). */
    @Override
    public KeyPath keyPath(String token, String key) {
        return KeyPath.of(token, key, limits);
    }

    /**
     * Creates a token holding {@code _config/size}; false if the token exists already. At the token
     * or memory cap an idle token is evicted first, or the call refused with a 429 problem.
     */
    @Override
    public synchronized boolean createToken(String token, int size) {
        if (tokens.containsKey(token)) {
            return false;
        }
        while (tokens.size() >= limits.maxTokens()) {
            if (!evictIdle(null)) {
                throw DiscoveryProblems.storeFull(limits.maxTokens() + " tokens");
            }
        }
        ensureRoom(1024, null);
        TokenSpace space = new TokenSpace(token, size, index, clock, limits);
        tokens.put(token, space);
        totalBytes += space.bytes();
        return true;
    }

    @Override
    public Outcome get(KeyPath path, boolean recursive) {
        return inToken(path, space -> space.get(path, recursive));
    }

    /** @see TokenSpace#set */
    @Override
    public Outcome set(KeyPath path, String value, Boolean prevExist, Duration ttl) {
        // the key, its directories and two copies in the history, roughly
        long growth = 4 * (TokenSpace.ENTRY_OVERHEAD + path.etcdKey().length() + (value == null ? 0 : value.length()));
        return inToken(path, space -> {
            ensureRoom(growth, path.token());
            return space.set(path, value, prevExist, ttl);
        });
    }

    @Override
    public Outcome delete(KeyPath path) {
        return inToken(path, space -> space.delete(path));
    }

    /** @see TokenSpace#watch */
    @Override
    public CompletableFuture<Change> watch(KeyPath path, boolean recursive, long sinceIndex) {
        return inToken(path, space -> space.watch(path, recursive, sinceIndex));
    }

    @Override
    public synchronized long index() {
        return index.current();
    }

    @Override
    public synchronized int tokenCount() {
        return tokens.size();
    }

    /** The estimated memory of every token's keys and history. */
    @Override
    public synchronized long totalBytes() {
        return totalBytes;
    }

    /**
     * Whether a new token could be created now: below both caps, or with an idle token to evict.
     * Read under the store's one lock, so a store stuck under it never answers (the readiness
     * check bounds its wait).
     */
    @Override
    public synchronized boolean hasRoomForAToken() {
        if (tokens.size() < limits.maxTokens() && totalBytes + 1024 <= limits.maxTotalBytes()) {
            return true;
        }
        return tokens.values().stream().anyMatch(t -> t.idleFor(limits.idleBeforeEviction()));
    }

    /** Makes room for {@code growth} more bytes by evicting idle tokens other than {@code keep}, or refuses. */
    private void ensureRoom(long growth, String keep) {
        while (totalBytes + growth > limits.maxTotalBytes()) {
            if (!evictIdle(keep)) {
                throw DiscoveryProblems.storeFull("about " + limits.maxTotalBytes() / (1024 * 1024) + " MiB of keys");
            }
        }
    }

    /** Evicts the least recently used idle token (never {@code keep}); false when none is idle. */
    private boolean evictIdle(String keep) {
        for (Iterator<Map.Entry<String, TokenSpace>> it = tokens.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, TokenSpace> e = it.next();
            if (!e.getKey().equals(keep) && e.getValue().idleFor(limits.idleBeforeEviction())) {
                it.remove();
                totalBytes -= e.getValue().bytes();
                // the token itself is a secret of its cluster: never logged
                LOG.infof("evicted the least recently used idle discovery token; %d kept", tokens.size());
                return true;
            }
        }
        return false;
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
                space.touch();
                long before = space.bytes();
                try {
                    return call.apply(space);
                } finally {
                    totalBytes += space.bytes() - before;
                    // a call that fails may still have expired keys, and their watchers must hear of it
                    wake = space.takeDeliveries();
                }
            }
        } finally {
            wake.forEach(Runnable::run);
        }
    }
}
