package io.coreswarm.monitor.health;

import io.coreswarm.api.health.ClusterHealth;

/**
 * A target's last poll as every replica answers it: the judged health and the {@code docker
 * info}-like text rendered from what it was judged on (the observations themselves stay with the
 * replica that polled).
 */
public record PublishedHealth(ClusterHealth health, String info) {

    public static PublishedHealth of(Snapshot snapshot) {
        return new PublishedHealth(snapshot.health(), InfoText.render(snapshot));
    }
}
