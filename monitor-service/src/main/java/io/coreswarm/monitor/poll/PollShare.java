package io.coreswarm.monitor.poll;

import java.util.List;
import java.util.Set;

import io.coreswarm.api.health.MonitorTarget;

/**
 * Which targets this replica polls: all of them with files ({@link EveryTarget}), its fair share
 * taken through etcd claims with several replicas ({@link ClaimedTargets}); chosen by {@link PollShares}.
 */
public interface PollShare {

    /** Called on each poll tick with every target: what to poll now, and what changed hands since the last tick. */
    Split split(List<MonitorTarget> all);

    /**
     * Calls {@code retick} when a target may have become free to take: another replica let go of it
     * or died (its claim expired with its lease). Without this the survivor would wait for its next
     * tick; with it a takeover follows the lease's expiry at once. Nothing to hear of with files.
     */
    default void onFreed(Runnable retick) {
    }

    /** Whether this replica polls the target now (a poll that ends after its claim was lost records nothing). */
    boolean holds(String name);

    /**
     * @param mine   the targets this replica polls
     * @param gained names it took this tick (from nobody, or from a replica that died)
     * @param lost   names it let go of or lost (beyond its share, removed, or its lease ran out)
     */
    record Split(List<MonitorTarget> mine, Set<String> gained, Set<String> lost) {
    }
}
