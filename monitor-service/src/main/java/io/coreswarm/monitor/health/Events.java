package io.coreswarm.monitor.health;

import java.util.List;

import io.coreswarm.api.health.HealthEvent;
import io.smallrye.mutiny.Multi;

/**
 * The targets' events, wherever they are kept: this replica's files ({@link EventLog}) or etcd,
 * shared by every replica ({@link EtcdEvents}); chosen by {@link EventStores}.
 */
public interface Events {

    /** Keeps and publishes the events of one poll, in order. */
    void record(List<HealthEvent> events);

    /** A target's most recent events, oldest first. */
    List<HealthEvent> recent(String cluster);

    /** A target's events as they are recorded, by whichever replica polls it. */
    Multi<HealthEvent> follow(String cluster);

    /** The events this replica records, of every target: the webhooks follow these, so each event is delivered once. */
    Multi<HealthEvent> followAll();

    /** Drops a removed target's events. */
    void forget(String cluster);
}
