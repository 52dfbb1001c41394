package io.coreswarm.monitor.history;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.monitor.MonitorKeys;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoreUnavailable;
import io.coreswarm.store.StoredValue;

/**
 * {@code monitor/history/<name>}: a cluster's history as the replica that polls it last flushed
 * it, read by the other replicas' queries and by the replica that takes its polls over. Bounded by
 * the tiers' point counts like the files.
 */
final class EtcdSeries implements SeriesStore {
    private static final Logger LOG = Logger.getLogger(EtcdSeries.class);
    private final EtcdStore etcd;
    private final ObjectMapper json;

    EtcdSeries(EtcdStore etcd, ObjectMapper json) {
        this.etcd = etcd;
        this.json = json;
    }

    @Override
    public void write(String cluster, Series.Saved saved) {
        try {
            etcd.put(MonitorKeys.HISTORY + cluster, json.writeValueAsString(saved));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the history of " + cluster + " cannot be written as JSON", e);
        } catch (StoreUnavailable e) {
            // memory still holds it: written with the next flush
            LOG.warnf("the history of %s is not written now: %s", cluster, e.getMessage());
        }
    }

    @Override
    public Optional<Series.Saved> read(String cluster) {
        Optional<StoredValue> stored = etcd.get(MonitorKeys.HISTORY + cluster);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored.get().value(), Series.Saved.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("the history of %s in etcd cannot be read; it starts afresh", cluster);
            return Optional.empty();
        }
    }

    @Override
    public void delete(String cluster) {
        etcd.delete(MonitorKeys.HISTORY + cluster);
    }

    @Override
    public boolean shared() {
        return true;
    }
}
