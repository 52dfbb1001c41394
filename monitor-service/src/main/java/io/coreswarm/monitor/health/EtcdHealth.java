package io.coreswarm.monitor.health;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.monitor.MonitorKeys;
import io.coreswarm.monitor.StoreCalls;
import io.coreswarm.monitor.targets.TargetCatalog;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoredValue;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;

/**
 * Each target's last poll under {@code monitor/health/<name>}, written by the replica that polls it
 * and read by all. A write is fenced in one transaction: it happens only while the poll claim
 * {@code monitor/pollers/<name>} still names this replica and the target still exists, so a replica
 * whose lease ran out (its targets taken over) or a poll that ends after its target's removal
 * writes nothing.
 */
final class EtcdHealth implements LatestHealth {
    private static final Logger LOG = Logger.getLogger(EtcdHealth.class);
    private final EtcdStore etcd;
    private final TargetCatalog targets;
    private final ObjectMapper json;
    private final String replica;

    EtcdHealth(EtcdStore etcd, TargetCatalog targets, ObjectMapper json, String replica) {
        this.etcd = etcd;
        this.targets = targets;
        this.json = json;
        this.replica = replica;
    }

    @Override
    public Optional<PublishedHealth> latest(String cluster) {
        if (targets.find(cluster).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(published(cluster).orElseGet(() -> PublishedHealth.of(Snapshot.notPolled(cluster))));
    }

    @Override
    public Optional<PublishedHealth> published(String cluster) {
        Optional<StoredValue> stored = etcd.get(MonitorKeys.HEALTH + cluster);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored.get().value(), PublishedHealth.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("the published health of %s cannot be read; it shows as not polled until the next poll", cluster);
            return Optional.empty();
        }
    }

    @Override
    public void publish(Snapshot snapshot) {
        String cluster = snapshot.cluster();
        String body;
        try {
            body = json.writeValueAsString(PublishedHealth.of(snapshot));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the health of " + cluster + " cannot be written as JSON", e);
        }
        boolean written = StoreCalls.txn(etcd, "publishing the health of " + cluster, new Cmp[] {
                new Cmp(StoreCalls.bytes(MonitorKeys.POLLERS + cluster), Cmp.Op.EQUAL, CmpTarget.value(StoreCalls.bytes(replica))),
                new Cmp(StoreCalls.bytes(MonitorKeys.TARGETS + cluster), Cmp.Op.GREATER, CmpTarget.version(0)) },
                Op.put(StoreCalls.bytes(MonitorKeys.HEALTH + cluster), StoreCalls.bytes(body), PutOption.DEFAULT));
        if (!written) {
            LOG.debugf("the poll of %s is not published: this replica no longer polls it, or it was removed", cluster);
        }
    }

    @Override
    public void forget(String cluster) {
        etcd.delete(MonitorKeys.HEALTH + cluster);
    }
}
