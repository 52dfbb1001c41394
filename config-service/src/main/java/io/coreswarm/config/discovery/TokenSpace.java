package io.coreswarm.config.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.coreswarm.api.discovery.EtcdNode;
import io.coreswarm.api.discovery.EtcdResponse;

/**
 * One token's keys: a small etcd v2 tree ({@code _config/size} plus one key per member), its
 * recent changes and the long polls waiting on it. Not thread-safe: {@link DiscoveryStore}
 * calls it under its lock and runs {@link #takeDeliveries()} after releasing it.
 */
final class TokenSpace {
    static final String CONFIG = "_config";
    static final String SIZE = "size";

    private final KeyNode root;
    private final GlobalIndex index;
    private final Clock clock;
    private final EventHistory history = new EventHistory();
    private final List<Waiter> waiters = new ArrayList<>();
    private final List<Runnable> deliveries = new ArrayList<>();

    /** A new token: its directory, then {@code _config/size} as the public service wrote it. */
    TokenSpace(String token, int size, GlobalIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
        this.root = KeyNode.directory(KeyPath.root(token), index.next());
        set(KeyPath.root(token).child(CONFIG).child(SIZE), Integer.toString(size), null, null);
    }

    Outcome get(KeyPath path, boolean recursive) {
        Instant now = expire();
        KeyNode node = find(path);
        if (node == null) {
            throw EtcdException.keyNotFound(path.etcdKey(), index.current());
        }
        return new Outcome(200, new EtcdResponse("get", node.view(recursive, now), null), index.current());
    }

    /**
     * etcd's PUT: {@code prevExist} false is "create" (412 if present), true is "update" (404 if
     * absent), null is "set" (either). Missing parent directories are created.
     *
     * @param ttl null for a key that never expires
     */
    Outcome set(KeyPath path, String value, Boolean prevExist, Duration ttl) {
        Instant now = expire();
        KeyNode existing = find(path);
        if (path.isRoot() || existing != null && existing.isDirectory()) {
            throw EtcdException.notAFile(path.etcdKey(), index.current());
        }
        if (Boolean.FALSE.equals(prevExist) && existing != null) {
            throw EtcdException.keyExists(path.etcdKey(), index.current());
        }
        if (Boolean.TRUE.equals(prevExist) && existing == null) {
            throw EtcdException.keyNotFound(path.etcdKey(), index.current());
        }
        requireDirectoriesAbove(path);

        long at = index.next();
        KeyNode node;
        EtcdNode prev = null;
        if (existing == null) {
            node = KeyNode.key(path, value == null ? "" : value, at);
            directoryFor(path, at).children.put(path.name(), node);
        } else {
            prev = existing.view(now);
            node = existing;
            node.value = value == null ? "" : value;
            node.modifiedIndex = at;
        }
        node.expiresAt = ttl == null ? null : now.plus(ttl);
        String action = Boolean.FALSE.equals(prevExist) ? "create" : Boolean.TRUE.equals(prevExist) ? "update" : "set";
        EtcdResponse response = new EtcdResponse(action, node.view(now), prev);
        record(new Change(at, path, response));
        return new Outcome(existing == null ? 201 : 200, response, at);
    }

    /** Removes a key; directories stay (etcd needs dir=true for them, which discovery never sends). */
    Outcome delete(KeyPath path) {
        Instant now = expire();
        KeyNode node = find(path);
        if (node == null) {
            throw EtcdException.keyNotFound(path.etcdKey(), index.current());
        }
        if (node.isDirectory()) {
            throw EtcdException.notAFile(path.etcdKey(), index.current());
        }
        EtcdResponse response = remove(node, "delete", now);
        return new Outcome(200, response, index.current());
    }

    /**
     * The first change at or after {@code sinceIndex} (0: the next one) that a watcher of
     * {@code path} sees: from history if it already happened, else a future a later write completes.
     */
    CompletableFuture<Change> watch(KeyPath path, boolean recursive, long sinceIndex) {
        expire();
        if (sinceIndex > 0) {
            Optional<Change> past = history.firstSince(sinceIndex, path, recursive, index.current());
            if (past.isPresent()) {
                return CompletableFuture.completedFuture(past.get());
            }
        }
        waiters.removeIf(w -> w.future().isDone()); // polls that timed out
        Waiter waiter = new Waiter(path, recursive, sinceIndex, new CompletableFuture<>());
        waiters.add(waiter);
        return waiter.future();
    }

    /** Completions for the waiters that recent changes woke; run them outside the store's lock. */
    List<Runnable> takeDeliveries() {
        List<Runnable> ready = List.copyOf(deliveries);
        deliveries.clear();
        return ready;
    }

    private void record(Change change) {
        history.add(change);
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter w = it.next();
            if (w.future().isDone()) {
                it.remove();
            } else if (w.wants(change)) {
                it.remove();
                deliveries.add(() -> w.future().complete(change));
            }
        }
    }

    private EtcdResponse remove(KeyNode node, String action, Instant now) {
        KeyPath path = node.path;
        directoryFor(path, index.current()).children.remove(path.name());
        long at = index.next();
        EtcdNode gone = new EtcdNode(path.etcdKey(), null, null, null, node.createdIndex, at, null, null);
        EtcdResponse response = new EtcdResponse(action, gone, node.view(now));
        record(new Change(at, path, response));
        return response;
    }

    /**
     * Keys with a TTL are removed lazily, when their token is next touched (each long poll times
     * out and asks again, so a waiting member still hears of it). Returns the time it used.
     */
    private Instant expire() {
        Instant now = clock.instant();
        List<KeyNode> expired = new ArrayList<>();
        collectExpired(root, now, expired);
        expired.forEach(node -> remove(node, "expire", now));
        return now;
    }

    private static void collectExpired(KeyNode dir, Instant now, List<KeyNode> into) {
        for (KeyNode child : dir.children.values()) {
            if (child.isDirectory()) {
                collectExpired(child, now, into);
            } else if (child.expiredAt(now)) {
                into.add(child);
            }
        }
    }

    private KeyNode find(KeyPath path) {
        KeyNode node = root;
        for (String name : path.segments()) {
            if (!node.isDirectory()) {
                return null;
            }
            node = node.children.get(name);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** A key cannot go below another key: {@code PUT a/b} when {@code a} holds a value. */
    private void requireDirectoriesAbove(KeyPath path) {
        KeyNode node = root;
        KeyPath walked = KeyPath.root(path.token());
        for (String name : path.segments().subList(0, path.segments().size() - 1)) {
            walked = walked.child(name);
            node = node.children.get(name);
            if (node == null) {
                return;
            }
            if (!node.isDirectory()) {
                throw EtcdException.notADirectory(walked.etcdKey(), index.current());
            }
        }
    }

    /** The directory that holds {@code path}, creating missing ones at index {@code at}. */
    private KeyNode directoryFor(KeyPath path, long at) {
        KeyNode dir = root;
        KeyPath walked = KeyPath.root(path.token());
        for (String name : path.segments().subList(0, path.segments().size() - 1)) {
            walked = walked.child(name);
            KeyPath here = walked;
            dir = dir.children.computeIfAbsent(name, n -> KeyNode.directory(here, at));
        }
        return dir;
    }
}
