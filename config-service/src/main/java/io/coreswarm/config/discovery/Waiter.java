package io.coreswarm.config.discovery;

import java.util.concurrent.CompletableFuture;

/**
 * A long poll waiting for a change: no thread is parked on it; the writer whose change matches
 * completes {@code future}, and the HTTP response resumes from there.
 *
 * @param sinceIndex the smallest change index that counts (0: any)
 */
record Waiter(KeyPath watched, boolean recursive, long sinceIndex, CompletableFuture<Change> future) {

    boolean wants(Change change) {
        return change.index() >= sinceIndex && change.concerns(watched, recursive);
    }
}
