package io.coreswarm.config.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.coreswarm.api.discovery.EtcdNode;

/**
 * A key or a directory in one token's tree. Mutable; only {@link TokenSpace} touches it, under
 * {@link DiscoveryStore}'s lock. What leaves the store is an immutable {@link EtcdNode} view.
 */
final class KeyNode {
    final KeyPath path;
    /** null for a directory */
    final Map<String, KeyNode> children;
    final long createdIndex;
    String value;
    long modifiedIndex;
    Instant expiresAt;

    private KeyNode(KeyPath path, boolean dir, String value, long index) {
        this.path = path;
        this.children = dir ? new TreeMap<>() : null;
        this.value = value;
        this.createdIndex = index;
        this.modifiedIndex = index;
    }

    static KeyNode directory(KeyPath path, long index) {
        return new KeyNode(path, true, null, index);
    }

    static KeyNode key(KeyPath path, String value, long index) {
        return new KeyNode(path, false, value, index);
    }

    boolean isDirectory() {
        return children != null;
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * As etcd shows it: a directory lists its visible children, one level deep unless
     * {@code recursive}; hidden ({@code _}) children are left out either way.
     */
    EtcdNode view(boolean recursive, Instant now) {
        return view(true, recursive, now);
    }

    /** A key's value and indexes, or a directory without its children (as in an event). */
    EtcdNode view(Instant now) {
        return view(false, false, now);
    }

    /**
     * On a token's root: a key cannot go below another key ({@code PUT a/b} when {@code a} holds a
     * value); the error carries {@code index}, the store's index now.
     */
    void requireDirectoriesAbove(KeyPath path, long index) {
        KeyNode node = this;
        KeyPath walked = KeyPath.root(path.token());
        for (String name : path.segments().subList(0, path.segments().size() - 1)) {
            walked = walked.child(name);
            node = node.children.get(name);
            if (node == null) {
                return;
            }
            if (!node.isDirectory()) {
                throw EtcdException.notADirectory(walked.etcdKey(), index);
            }
        }
    }

    private EtcdNode view(boolean list, boolean recursive, Instant now) {
        String expiration = expiresAt == null ? null : expiresAt.toString();
        Long ttl = expiresAt == null ? null : ttlSeconds(now);
        if (!isDirectory()) {
            return new EtcdNode(path.etcdKey(), value, null, null, createdIndex, modifiedIndex, expiration, ttl);
        }
        List<EtcdNode> nodes = null;
        if (list) {
            nodes = new ArrayList<>();
            for (KeyNode child : children.values()) {
                if (!KeyPath.isHidden(child.path.name())) {
                    nodes.add(child.view(recursive, recursive, now));
                }
            }
        }
        return new EtcdNode(path.etcdKey(), null, true, nodes, createdIndex, modifiedIndex, expiration, ttl);
    }

    /** Whole seconds left, rounded up, so a live key never shows 0. */
    private long ttlSeconds(Instant now) {
        long millis = Duration.between(now, expiresAt).toMillis();
        return Math.max(0, (millis + 999) / 1000);
    }
}
