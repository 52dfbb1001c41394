package io.coreswarm.config.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.coreswarm.api.discovery.EtcdNode;
import io.coreswarm.api.discovery.EtcdResponse;
import io.coreswarm.store.StoreUnavailable;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The {@code wait=true} polls of one replica, each an etcd watch of its token from a revision: the
 * revision is the v2 {@code waitIndex}, so a change that happened before the poll arrived (on any
 * replica) is replayed from etcd's history, and one that comes later is pushed by etcd. No thread
 * waits; the watch is closed when the poll is answered or given up (its future cancelled).
 */
final class EtcdPolls implements AutoCloseable {
    private final Client client;
    private final DiscoveryLimits limits;
    private final Clock clock;
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<Change>> open = ConcurrentHashMap.newKeySet();

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
        CompletableFuture<Change> future = new CompletableFuture<>();
        WatchOption option = WatchOption.builder().isPrefix(true).withPrevKV(true).withRevision(from).build();
        Watch.Watcher watcher;
        try {
            watcher = client.getWatchClient().watch(bytes(EtcdDiscoveryKeys.root(token)), option, Watch.listener(response -> {
                for (WatchEvent e : response.getEvents()) {
                    Change change = change(token, e, clock.instant());
                    if (change != null && change.index() >= from && change.concerns(path, recursive)) {
                        // completed on Quarkus's own workers: the response is built where the request's class loader is
                        Infrastructure.getDefaultExecutor().execute(() -> future.complete(change));
                        return;
                    }
                }
            }, error -> Infrastructure.getDefaultExecutor().execute(() -> future.completeExceptionally(failure(error, from, index)))));
        } catch (RuntimeException e) {
            done(token);
            throw new StoreUnavailable("watching a discovery token", e);
        }
        open.add(future);
        future.whenComplete((change, error) -> {
            watcher.close();
            open.remove(future);
            done(token);
        });
        return future;
    }

    private static AtomicInteger incremented(AtomicInteger n) {
        n.incrementAndGet();
        return n;
    }

    private void done(String token) {
        waiting.computeIfPresent(token, (t, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    private static RuntimeException failure(Throwable error, long from, long index) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CompactedException compacted) {
                // etcd compacted its history past the asked index, as etcd v2 dropped events past its 1000
                return EtcdException.eventIndexCleared(compacted.getCompactedRevision() + 1, from, Math.max(index, compacted.getCompactedRevision()));
            }
        }
        return new StoreUnavailable("watching a discovery token", error);
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

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    /** Ends every open poll (its response is then the timeout's "ask again"). */
    @Override
    public void close() {
        open.forEach(f -> f.cancel(false));
    }
}
