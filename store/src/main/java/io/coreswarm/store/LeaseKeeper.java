package io.coreswarm.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.jboss.logging.Logger;

/**
 * The process's one etcd lease: what it holds under it (its replica record, its claims) vanishes
 * within one TTL of its death. Kept alive by one {@code keepAliveOnce} every third of the TTL on a
 * thread of its own, never by jetcd's streaming keep-alive, which retries in a tight loop while etcd
 * is unreachable. When the lease is lost (etcd says it is gone, or no keep-alive succeeded for a
 * whole TTL) a new one is granted on a later tick and the listeners hear its id, so they can put
 * back what they hold; meanwhile others may have taken it, which is the point.
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);
    private final EtcdStore store;
    private final Duration ttl;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "coreswarm-lease");
        t.setDaemon(true);
        return t;
    });
    private volatile long id;
    private volatile long lastKeptAt;
    private boolean unreachableLogged;

    public LeaseKeeper(EtcdStore store, Duration ttl) {
        if (ttl.toSeconds() < 2) {
            throw new IllegalArgumentException("coreswarm.etcd.lease-ttl: at least 2s");
        }
        this.store = store;
        this.ttl = ttl;
    }

    /** Starts keeping: the first grant is tried at once, then every third of the TTL. */
    public LeaseKeeper start() {
        long period = Math.max(500, ttl.toMillis() / 3);
        ticks.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
        return this;
    }

    public Duration ttl() {
        return ttl;
    }

    /** The current lease's id; grants one now if there is none (a StoreUnavailable if etcd does not answer). */
    public synchronized long id() {
        if (id == 0) {
            grant();
        }
        return id;
    }

    /** Whether the lease was kept alive within its TTL: what is held under it is still held. */
    public boolean alive() {
        return id != 0 && System.nanoTime() - lastKeptAt < ttl.toNanos();
    }

    /** {@code listener} hears the id of each lease granted from now on: the first (when etcd was down at start) and each one after a lost one. */
    public void onNewLease(LongConsumer listener) {
        listeners.add(listener);
    }

    private void tick() {
        try {
            long current;
            synchronized (this) {
                current = id;
            }
            if (current == 0) {
                id();
                return;
            }
            long left = store.call("keeping lease " + Long.toHexString(current) + " alive", store.client().getLeaseClient().keepAliveOnce(current))
                    .getTTL();
            if (left <= 0) {
                lost(current, "etcd says it expired");
            } else {
                lastKeptAt = System.nanoTime();
                reachable();
            }
        } catch (StoreUnavailable e) {
            if (e.getMessage() != null && e.getMessage().contains("not found")) {
                lost(id, "etcd no longer knows it");
            } else {
                if (!unreachableLogged) {
                    LOG.warnf("etcd unreachable, the lease is not kept alive: %s", e.getMessage());
                    unreachableLogged = true;
                }
                if (id != 0 && !alive()) {
                    lost(id, "no keep-alive succeeded for " + ttl.toSeconds() + " s");
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the lease keeper's tick failed", e);
        }
    }

    private void reachable() {
        if (unreachableLogged) {
            LOG.info("etcd answers again; the lease is kept alive");
            unreachableLogged = false;
        }
    }

    private void lost(long old, String why) {
        LOG.warnf("lease %s lost (%s): what this replica held may be taken over; granting a new one", Long.toHexString(old), why);
        synchronized (this) {
            if (id == old) {
                id = 0;
            }
        }
        try {
            id(); // the listeners hear of the new lease from grant()
            reachable();
        } catch (StoreUnavailable e) {
            // the next tick tries again
        }
    }

    /** Grants a lease; the listeners hear of it on the keeper's thread. */
    private void grant() {
        id = store.call("granting a lease", store.client().getLeaseClient().grant(ttl.toSeconds())).getID();
        lastKeptAt = System.nanoTime();
        LOG.infof("holding etcd lease %s (TTL %d s)", Long.toHexString(id), ttl.toSeconds());
        if (!listeners.isEmpty()) {
            long fresh = id;
            ticks.execute(() -> tell(fresh));
        }
    }

    private void tell(long fresh) {
        for (LongConsumer l : listeners) {
            try {
                l.accept(fresh);
            } catch (RuntimeException e) {
                LOG.warn("a listener of the new lease failed", e);
            }
        }
    }

    /** Stops keeping and revokes the lease, so what it held is free at once rather than after the TTL. */
    @Override
    public void close() {
        ticks.shutdownNow();
        long current = id;
        if (current != 0) {
            try {
                store.call("revoking the lease", store.client().getLeaseClient().revoke(current));
            } catch (StoreUnavailable e) {
                LOG.debugf("the lease was not revoked (%s): it expires within its TTL", e.getMessage());
            }
        }
    }
}
