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
    /** What an entry (a node, a change) costs beyond its characters, roughly: objects, references, indexes. */
    static final long ENTRY_OVERHEAD = 64;

    private final KeyNode root;
    private final GlobalIndex index;
    private final Clock clock;
    private final DiscoveryLimits limits;
    /** Keys and directories below the root. */
    private int nodes;
    /** Estimated memory of the tree (not its history). */
    private long treeBytes;
    private Instant lastUsed;
    private final EventHistory history = new EventHistory();
    private final List<Waiter> waiters = new ArrayList<>();
    private final List<Runnable> deliveries = new ArrayList<>();

    /** A new token: its directory, then {@code _config/size} as the public service wrote it. */
    TokenSpace(String token, int size, GlobalIndex index, Clock clock, DiscoveryLimits limits) {
        this.index = index;
        this.clock = clock;
        this.limits = limits;
        this.lastUsed = clock.instant();
        this.root = KeyNode.directory(KeyPath.root(token), index.next());
        this.treeBytes = cost(root);
        set(KeyPath.root(token).child(CONFIG).child(SIZE), Integer.toString(size), null, null);
    }

    /** Estimated memory of the token: its tree and its kept history. */
    long bytes() {
        return treeBytes + history.bytes();
    }

    void touch() {
        lastUsed = clock.instant();
    }

    /** No poll waits on it and nobody touched it for {@code idle}: it may be evicted. */
    boolean idleFor(Duration idle) {
        waiters.removeIf(w -> w.future().isDone());
        return waiters.isEmpty() && !clock.instant().isBefore(lastUsed.plus(idle));
    }

    private static long cost(KeyNode node) {
        return ENTRY_OVERHEAD + node.path.etcdKey().length() + (node.value == null ? 0 : node.value.length());
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
        if (value != null && value.length() > limits.maxValueLength()) {
            throw DiscoveryProblems.valueTooLong(value.length(), limits.maxValueLength());
        }
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
        root.requireDirectoriesAbove(path, index.current());
        if (existing == null && nodes + missingNodes(path) > limits.maxKeysPerToken()) {
            throw DiscoveryProblems.tokenFull(limits.maxKeysPerToken());
        }

        long at = index.next();
        KeyNode node;
        EtcdNode prev = null;
        if (existing == null) {
            node = KeyNode.key(path, value == null ? "" : value, at);
            directoryFor(path, at).children.put(path.name(), node);
            nodes++;
            treeBytes += cost(node);
        } else {
            prev = existing.view(now);
            node = existing;
            treeBytes -= cost(node);
            node.value = value == null ? "" : value;
            treeBytes += cost(node);
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
        if (waiters.size() >= limits.maxWaitersPerToken()) {
            throw DiscoveryProblems.tooManyWaiters(limits.maxWaitersPerToken());
        }
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
        nodes--;
        treeBytes -= cost(node);
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


    /** The directory that holds {@code path}, creating missing ones at index {@code at}. */
    private KeyNode directoryFor(KeyPath path, long at) {
        KeyNode dir = root;
        KeyPath walked = KeyPath.root(path.token());
        for (String name : path.segments().subList(0, path.segments().size() - 1)) {
            walked = walked.child(name);
            KeyNode next = dir.children.get(name);
            if (next == null) {
                next = KeyNode.directory(walked, at);
                dir.children.put(name, next);
                nodes++;
                treeBytes += cost(next);
            }
            dir = next;
        }
        return dir;
    }

    /** How many nodes writing {@code path} creates: the key and every directory missing above it. */
    private int missingNodes(KeyPath path) {
        KeyNode node = root;
        List<String> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            node = node.isDirectory() ? node.children.get(segments.get(i)) : null;
            if (node == null) {
                return segments.size() - i;
            }
        }
        return 0;
    }
}
