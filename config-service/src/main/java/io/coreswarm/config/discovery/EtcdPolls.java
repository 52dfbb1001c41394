package io.coreswarm.config.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.coreswarm.api.discovery.EtcdNode;
import io.coreswarm.api.discovery.EtcdResponse;
import io.coreswarm.store.StoreUnavailable;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The {@code wait=true} polls of one replica, each an etcd watch of its token from a revision: the
 * revision is the v2 {@code waitIndex}, so a change that happened before the poll arrived (on any
 * replica) is replayed from etcd's history, and one that comes later is pushed by etcd. No thread
 * waits; the watch is closed when the poll is answered or given up (its future cancelled), and
 * opened again from the same revision when etcd drops it (a member or the leader gone).
 */
final class EtcdPolls implements AutoCloseable {
    private final Client client;
    private final DiscoveryLimits limits;
    private final Clock clock;
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<Change>> open = ConcurrentHashMap.newKeySet();
    /** How long a poll whose watch failed waits before it watches again. */
    static final Duration REWATCH_AFTER = Duration.ofMillis(250);

    EtcdPolls(Client client, DiscoveryLimits limits, Clock clock) {
        this.client = client;
        this.limits = limits;
        this.clock = clock;
    }

    /** Polls of this replica waiting on {@code token}. */
    int waitingOn(String token) {
        AtomicInteger n = waiting.get(token);
        return n == null ? 0 : n.get();
    }

    /**
     * The first change at or after revision {@code from} that a watcher of {@code path} sees.
     *
     * @param index the store revision now, for an error's index
     */
    CompletableFuture<Change> start(KeyPath path, boolean recursive, long from, long index) {
        String token = path.token();
        AtomicInteger count = waiting.compute(token, (t, n) -> n == null ? new AtomicInteger(1) : incremented(n));
        if (count.get() > limits.maxWaitersPerToken()) {
            done(token);
            throw DiscoveryProblems.tooManyWaiters(limits.maxWaitersPerToken());
        }
        Poll poll = new Poll(path, recursive, from, index);
        open.add(poll.future);
        poll.future.whenComplete((change, error) -> {
            poll.closeWatcher();
            open.remove(poll.future);
            done(token);
        });
        poll.watch();
        return poll.future;
    }

    private static AtomicInteger incremented(AtomicInteger n) {
        n.incrementAndGet();
        return n;
    }

    private void done(String token) {
        waiting.computeIfPresent(token, (t, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** One long poll: its future, and the etcd watch that completes it. */
    private final class Poll {
        final KeyPath path;
        final boolean recursive;
        final long from;
        final long index;
        final CompletableFuture<Change> future = new CompletableFuture<>();
        /** null while none is open; guarded by this */
        private Watch.Watcher watcher;

        Poll(KeyPath path, boolean recursive, long from, long index) {
            this.path = path;
            this.recursive = recursive;
            this.from = from;
            this.index = index;
        }

        /** Opens the watch from {@code from}: a watch opened again replays what the last one saw, which is harmless. */
        synchronized void watch() {
            if (future.isDone()) {
                return;
            }
            WatchOption option = WatchOption.builder().isPrefix(true).withPrevKV(true).withRevision(from).build();
            try {
                watcher = client.getWatchClient().watch(EtcdCalls.bytes(EtcdDiscoveryKeys.root(path.token())), option,
                        Watch.listener(this::onNext, this::onError));
            } catch (RuntimeException e) {
                future.completeExceptionally(new StoreUnavailable("watching a discovery token", e));
            }
        }

        private void onNext(WatchResponse response) {
            for (WatchEvent e : response.getEvents()) {
                Change change = change(path.token(), e, clock.instant());
                if (change != null && change.index() >= from && change.concerns(path, recursive)) {
                    // completed on Quarkus's own workers: the response is built where the request's class loader is
                    Infrastructure.getDefaultExecutor().execute(() -> future.complete(change));
                    return;
                }
            }
        }

        /**
         * A compacted revision ends the poll as etcd v2 answered a cleared index. Any other error (a
         * member gone, a leader change) gets a fresh watch from the same revision after a pause:
         * jetcd resumes some watches by itself and gives up on others, and the poll's own timeout
         * bounds how long this goes on while etcd is unreachable.
         */
        private void onError(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof CompactedException compacted) {
                    long cleared = compacted.getCompactedRevision();
                    Infrastructure.getDefaultExecutor().execute(() -> future.completeExceptionally(
                            EtcdException.eventIndexCleared(cleared + 1, from, Math.max(index, cleared))));
                    return;
                }
            }
            closeWatcher();
            CompletableFuture.delayedExecutor(REWATCH_AFTER.toMillis(), TimeUnit.MILLISECONDS, Infrastructure.getDefaultExecutor())
                    .execute(this::watch);
        }

        synchronized void closeWatcher() {
            if (watcher != null) {
                watcher.close();
                watcher = null;
            }
        }
    }

    /**
     * The v2 change an etcd event of {@code token}'s tree stands for; null for what discovery
     * never reports (directories, the root's byte count). A delete of a key whose expiry has come
     * is its lease at work: an {@code expire}.
     */
    static Change change(String token, WatchEvent event, Instant now) {
        KeyValue kv = event.getKeyValue();
        KeyPath path = EtcdDiscoveryKeys.path(token, kv.getKey().toString(StandardCharsets.UTF_8));
        if (path == null || path.isRoot()) {
            return null;
        }
        KeyValue prevKv = event.getPrevKV();
        StoredNode prev = prevKv == null || prevKv.getKey().isEmpty() ? null
                : StoredNode.parse(prevKv.getValue().toString(StandardCharsets.UTF_8));
        if (event.getEventType() == WatchEvent.EventType.PUT) {
            StoredNode stored = StoredNode.parse(kv.getValue().toString(StandardCharsets.UTF_8));
            if (stored.isDirectory()) {
                return null;
            }
            EtcdNode prevNode = prev == null || prev.isDirectory() || prev.expiredAt(now) ? null
                    : TokenSnapshot.node(path, prev, prevKv).view(now);
            EtcdNode node = TokenSnapshot.node(path, stored, kv).view(now);
            return new Change(kv.getModRevision(), path, new EtcdResponse(stored.action() == null ? "set" : stored.action(), node, prevNode));
        }
        if (event.getEventType() != WatchEvent.EventType.DELETE || prev == null || prev.isDirectory()) {
            return null;
        }
        Instant expiresAt = prev.expiresAt();
        String action = expiresAt != null && !expiresAt.isAfter(now.plusSeconds(1)) ? "expire" : "delete";
        EtcdNode gone = new EtcdNode(path.etcdKey(), null, null, null, prevKv.getCreateRevision(), kv.getModRevision(), null, null);
        return new Change(kv.getModRevision(), path, new EtcdResponse(action, gone, TokenSnapshot.node(path, prev, prevKv).view(now)));
    }

    /**
     * Ends every open poll as its timeout would (no change: the resource answers the empty 200
     * that etcd's client asks again on, here or at another replica).
     */
    @Override
    public void close() {
        open.forEach(f -> f.complete(null));
    }
}
