package io.coreswarm.config.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.etcd.jetcd.KeyValue;

/**
 * One token's tree as read from etcd at one revision, rebuilt as the {@link KeyNode}s the in-memory
 * store keeps, so that both answer alike. Keys past their expiry are left out (their lease deletes
 * them from etcd soon after), as the in-memory store expires them on the next touch.
 */
final class TokenSnapshot {
    final String token;
    /** The store revision of the read: X-Etcd-Index of a response built from it. */
    final long revision;
    final Instant now;
    /** Every etcd key of the token read, expired ones included: a write compares what it replaces. */
    final Map<String, KeyValue> raw = new LinkedHashMap<>();
    /** null when the token does not exist */
    final KeyNode root;
    final long rootModRevision;
    /** The token's bytes as the last write counted them into {@link DiscoveryUsage}. */
    final long recordedBytes;
    /** Keys and directories below the root. */
    int nodes;
    /** Estimated bytes of the tree now, root included. */
    long bytes;

    TokenSnapshot(String token, long revision, List<KeyValue> kvs, Instant now) {
        this.token = token;
        this.revision = revision;
        this.now = now;
        List<Map.Entry<KeyPath, KeyValue>> live = new ArrayList<>();
        KeyValue rootKv = null;
        for (KeyValue kv : kvs) {
            String key = kv.getKey().toString(StandardCharsets.UTF_8);
            raw.put(key, kv);
            KeyPath path = EtcdDiscoveryKeys.path(token, key);
            if (path == null) {
                continue;
            }
            if (path.isRoot()) {
                rootKv = kv;
            } else {
                live.add(Map.entry(path, kv));
            }
        }
        if (rootKv == null) {
            root = null;
            rootModRevision = 0;
            recordedBytes = 0;
            return;
        }
        root = node(KeyPath.root(token), StoredNode.parse(rootKv.getValue().toString(StandardCharsets.UTF_8)), rootKv);
        rootModRevision = rootKv.getModRevision();
        recordedBytes = StoredNode.parse(rootKv.getValue().toString(StandardCharsets.UTF_8)).recordedBytes();
        bytes = cost(root);
        // parents before children, whatever the key order
        live.sort(Comparator.comparingInt(e -> e.getKey().segments().size()));
        for (Map.Entry<KeyPath, KeyValue> e : live) {
            StoredNode stored = StoredNode.parse(e.getValue().getValue().toString(StandardCharsets.UTF_8));
            if (!stored.isDirectory() && stored.expiredAt(now)) {
                continue;
            }
            KeyNode parent = find(parentOf(e.getKey()));
            if (parent == null || !parent.isDirectory()) {
                continue; // below an expired key or a missing directory: not reachable, as in etcd v2
            }
            KeyNode node = node(e.getKey(), stored, e.getValue());
            parent.children.put(e.getKey().name(), node);
            nodes++;
            bytes += cost(node);
        }
    }

    /** A node as {@link KeyNode} holds it; a directory's modifiedIndex stays its createdIndex, as in etcd v2. */
    static KeyNode node(KeyPath path, StoredNode stored, KeyValue kv) {
        if (stored.isDirectory()) {
            return KeyNode.directory(path, kv.getCreateRevision());
        }
        KeyNode node = KeyNode.key(path, stored.value() == null ? "" : stored.value(), kv.getCreateRevision());
        node.modifiedIndex = kv.getModRevision();
        node.expiresAt = stored.expiresAt();
        return node;
    }

    /** What a node costs, estimated as the in-memory store does. */
    static long cost(KeyNode node) {
        return cost(node.path, node.value);
    }

    static long cost(KeyPath path, String value) {
        return TokenSpace.ENTRY_OVERHEAD + path.etcdKey().length() + (value == null ? 0 : value.length());
    }

    boolean exists() {
        return root != null;
    }

    /** The live node at {@code path}; null if there is none (or no token). */
    KeyNode find(KeyPath path) {
        KeyNode node = root;
        for (String name : path.segments()) {
            if (node == null || !node.isDirectory()) {
                return null;
            }
            node = node.children.get(name);
        }
        return node;
    }

    /** The etcd key at {@code path} as read, live or expired; null if absent. */
    KeyValue raw(KeyPath path) {
        return raw.get(EtcdDiscoveryKeys.key(path));
    }

    /** A key cannot go below another key: {@code PUT a/b} when {@code a} holds a value. */
    void requireDirectoriesAbove(KeyPath path) {
        root.requireDirectoriesAbove(path, revision);
    }

    /** The directories above {@code path} that do not exist yet, outermost first. */
    List<KeyPath> missingDirectories(KeyPath path) {
        List<KeyPath> missing = new ArrayList<>();
        KeyPath walked = KeyPath.root(token);
        for (String name : path.segments().subList(0, path.segments().size() - 1)) {
            walked = walked.child(name);
            if (find(walked) == null) {
                missing.add(walked);
            }
        }
        return missing;
    }

    private static KeyPath parentOf(KeyPath path) {
        return new KeyPath(path.token(), path.segments().subList(0, path.segments().size() - 1));
    }
}
