package io.coreswarm.monitor.health;

import java.util.Optional;

/**
 * The last poll of each target as the HTTP side answers it, whichever replica polled it: this
 * process's board with files ({@link BoardHealth}), etcd with several replicas ({@link EtcdHealth});
 * chosen by {@link HealthViews}.
 */
public interface LatestHealth {

    /** A watched target's last poll ("not polled yet" before its first); empty when no such target is watched. */
    Optional<PublishedHealth> latest(String cluster);

    /** The health the last poll of a target published, if any: where a replica that takes over its polls goes on from. */
    Optional<PublishedHealth> published(String cluster);

    /** Shares a poll this replica made, unless it no longer polls the target (or the target is gone). */
    void publish(Snapshot snapshot);

    /** Drops what was published of a removed target. */
    void forget(String cluster);
}
