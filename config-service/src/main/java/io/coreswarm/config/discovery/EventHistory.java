package io.coreswarm.config.discovery;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The last {@link #LIMIT} changes of one token, so that a watcher asking for {@code waitIndex=N}
 * gets the first change at or after N even if it happened before the watch arrived. etcd's
 * discovery client relies on this: it reads the member list at index I, then watches from I+1, and
 * a member that registered in between must not be missed. Like etcd v2 (which keeps 1000 events),
 * asking for an index older than what is kept is an error rather than a silent gap.
 */
final class EventHistory {
    static final int LIMIT = 1000;
    /** Estimated bytes kept, whatever the count: 1000 changes of large values would be megabytes per token. */
    static final long MAX_BYTES = 512 * 1024;

    private final Deque<Change> changes = new ArrayDeque<>();
    private long lastDropped;
    private long bytes;

    void add(Change change) {
        changes.addLast(change);
        bytes += change.estimatedBytes();
        while (changes.size() > LIMIT || bytes > MAX_BYTES && changes.size() > 1) {
            Change dropped = changes.removeFirst();
            bytes -= dropped.estimatedBytes();
            lastDropped = dropped.index();
        }
    }

    /** The estimated memory of the changes kept. */
    long bytes() {
        return bytes;
    }

    /**
     * The first kept change at or after {@code sinceIndex} that a watcher of {@code watched} sees.
     *
     * @throws EtcdException 401 when changes at {@code sinceIndex} may have been dropped
     */
    Optional<Change> firstSince(long sinceIndex, KeyPath watched, boolean recursive, long currentIndex) {
        if (sinceIndex <= lastDropped) {
            throw EtcdException.eventIndexCleared(lastDropped + 1, sinceIndex, currentIndex);
        }
        return changes.stream()
                .filter(c -> c.index() >= sinceIndex && c.concerns(watched, recursive))
                .findFirst();
    }
}
