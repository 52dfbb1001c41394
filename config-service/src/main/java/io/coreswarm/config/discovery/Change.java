package io.coreswarm.config.discovery;

import java.util.List;

import io.coreswarm.api.discovery.EtcdNode;
import io.coreswarm.api.discovery.EtcdResponse;

/**
 * One write to a token's space, kept in its {@link EventHistory} and delivered to waiters:
 * the response a watcher receives is the write's own response.
 *
 * @param index the global index the write was given (its node's modifiedIndex)
 */
public record Change(long index, KeyPath path, EtcdResponse response) {

    /** Characters of the nodes it carries plus a fixed overhead: what keeping it costs, roughly. */
    long estimatedBytes() {
        return TokenSpace.ENTRY_OVERHEAD + estimate(response.node()) + estimate(response.prevNode());
    }

    private static long estimate(EtcdNode node) {
        return node == null ? 0 : TokenSpace.ENTRY_OVERHEAD + node.key().length() + (node.value() == null ? 0 : node.value().length());
    }

    /**
     * Whether a watcher of {@code watched} sees this change: a change to the key itself, or with
     * {@code recursive} one below it whose path from the watched key passes no hidden name (so
     * watching a token does not wake on {@code _config}), as etcd v2's watcher hub decides.
     */
    boolean concerns(KeyPath watched, boolean recursive) {
        List<String> mine = path.segments();
        List<String> theirs = watched.segments();
        if (!path.token().equals(watched.token()) || mine.size() < theirs.size()
                || !mine.subList(0, theirs.size()).equals(theirs)) {
            return false;
        }
        if (mine.size() == theirs.size()) {
            return true;
        }
        return recursive && mine.subList(theirs.size(), mine.size()).stream().noneMatch(KeyPath::isHidden);
    }
}
