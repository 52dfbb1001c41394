package io.coreswarm.monitor.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.monitor.MonitorKeys;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoreChange;
import io.coreswarm.store.StoreUnavailable;
import io.coreswarm.store.StoredValue;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The events in etcd, one key each under {@code monitor/events/<name>/}, written by the replica
 * that polls the target and read by all, in the order etcd created them. Bounded like the files:
 * after each write only the last {@code events-kept} of the target are left. The live stream of
 * every replica follows a watch of the prefix, so a follower of any replica sees the events of
 * whichever replica polls; the webhooks follow only what this replica records.
 */
final class EtcdEvents implements Events, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EtcdEvents.class);
    private static final int FOLLOWER_BUFFER = 1024;
    private static final long RETRY_MS = 1000;
    private final EtcdStore etcd;
    private final ObjectMapper json;
    private final int kept;
    private final BroadcastProcessor<HealthEvent> recorded = BroadcastProcessor.create();
    private final BroadcastProcessor<HealthEvent> watched = BroadcastProcessor.create();
    private final ScheduledExecutorService rewatch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "monitor-events-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile long seen;
    private volatile AutoCloseable watch;

    EtcdEvents(EtcdStore etcd, ObjectMapper json, int kept) {
        this.etcd = etcd;
        this.json = json;
        this.kept = kept;
        rewatch.execute(this::watch);
    }

    @Override
    public synchronized void record(List<HealthEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (HealthEvent e : events) {
            String id = String.format("%013d-%s", e.time().toEpochMilli(), UUID.randomUUID().toString().substring(0, 8));
            try {
                etcd.put(prefix(e.cluster()) + id, json.writeValueAsString(e));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("an event of " + e.cluster() + " cannot be written as JSON", ex);
            } catch (StoreUnavailable ex) {
                // still published here (and to the webhooks); a store that does not answer must not stop the polls
                LOG.warnf("an event of %s is not stored: %s", e.cluster(), ex.getMessage());
            }
            recorded.onNext(e);
        }
        trim(events.get(0).cluster());
    }

    /** Deletes the oldest of a target's events beyond the kept number. */
    private void trim(String cluster) {
        try {
            List<StoredValue> all = stored(cluster);
            for (int i = 0; i < all.size() - kept; i++) {
                etcd.delete(all.get(i).key());
            }
        } catch (StoreUnavailable e) {
            LOG.debugf("the events of %s are not trimmed now: %s", cluster, e.getMessage());
        }
    }

    @Override
    public List<HealthEvent> recent(String cluster) {
        List<StoredValue> all = stored(cluster);
        List<HealthEvent> events = new ArrayList<>();
        for (StoredValue v : all.subList(Math.max(0, all.size() - kept), all.size())) {
            try {
                events.add(json.readValue(v.value(), HealthEvent.class));
            } catch (JsonProcessingException e) {
                LOG.debugf("skipping an unreadable event of %s", cluster);
            }
        }
        return events;
    }

    @Override
    public Multi<HealthEvent> follow(String cluster) {
        return watched.onOverflow().buffer(FOLLOWER_BUFFER).filter(e -> cluster.equals(e.cluster()));
    }

    @Override
    public Multi<HealthEvent> followAll() {
        return recorded.onOverflow().buffer(FOLLOWER_BUFFER);
    }

    @Override
    public void forget(String cluster) {
        etcd.deletePrefix(prefix(cluster));
    }

    private List<StoredValue> stored(String cluster) {
        List<StoredValue> all = new ArrayList<>(etcd.list(prefix(cluster)));
        all.sort(Comparator.comparingLong(StoredValue::createRevision));
        return all;
    }

    private static String prefix(String cluster) {
        return MonitorKeys.EVENTS + cluster + "/";
    }

    /** Watches from the last change seen (from now on at first); a watch that ends is started again. */
    private void watch() {
        try {
            if (seen == 0) {
                seen = etcd.revision();
            }
            watch = etcd.watch(MonitorKeys.EVENTS, seen, this::changed, this::lost);
        } catch (StoreUnavailable e) {
            rewatch.schedule(this::watch, RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void changed(StoreChange change) {
        seen = Math.max(seen, change.revision());
        if (change.deleted()) {
            return;
        }
        try {
            watched.onNext(json.readValue(change.value(), HealthEvent.class));
        } catch (JsonProcessingException e) {
            LOG.debugf("skipping an unreadable event under %s", change.key());
        }
    }

    private void lost(Throwable error) {
        LOG.warnf("the watch of the events ended (%s); watching again", error.getMessage());
        if (error.getMessage() != null && error.getMessage().contains("compacted")) {
            seen = 0; // what was compacted away is gone: from now on
        }
        rewatch.schedule(this::watch, RETRY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        rewatch.shutdownNow();
        AutoCloseable w = watch;
        if (w != null) {
            try {
                w.close();
            } catch (Exception e) {
                LOG.debugf("closing the events' watch: %s", e.getMessage());
            }
        }
    }
}
