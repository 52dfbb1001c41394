package io.coreswarm.monitor.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.monitor.MonitorKeys;
import io.coreswarm.monitor.StoreCalls;
import io.coreswarm.store.Claims;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoreUnavailable;
import io.coreswarm.store.StoredValue;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.PutOption;

/**
 * One webhook's pending deliveries in etcd, {@code monitor/deliveries/<webhook>/<id>}, ordered by
 * the revision etcd created them at (which is their {@code seq} here). Any replica adds the
 * deliveries of the events it records; only the replica holding the webhook's sender claim
 * ({@code monitor/webhook-senders/<webhook>}, under its lease) is handed a head, so each delivery is
 * sent by one replica, in order; a sender that dies leaves the claim to another within one lease
 * TTL, which sends what is left from the head on (a delivery whose sender died mid-attempt may be
 * sent twice: at least once, never lost). Its attempts and its removal are written only while the
 * claim is still this replica's. Waiting for work is a read every {@link #POLL_MS} ms.
 */
final class EtcdPending implements Pending {
    private static final Logger LOG = Logger.getLogger(EtcdPending.class);
    static final long POLL_MS = 500;
    private final EtcdStore etcd;
    private final Claims claims;
    private final ObjectMapper json;
    private final String prefix;
    private final String sender;
    private final int max;
    /** seq (create revision) to key, of the deliveries last read. */
    private final Map<Long, String> keys = new ConcurrentHashMap<>();
    private final Alarm alarm = new Alarm();
    private volatile boolean deleted;

    EtcdPending(EtcdStore etcd, Claims claims, ObjectMapper json, String webhook, int max) {
        this.etcd = etcd;
        this.claims = claims;
        this.json = json;
        this.prefix = MonitorKeys.DELIVERIES + webhook + "/";
        this.sender = MonitorKeys.WEBHOOK_SENDERS + webhook;
        this.max = max;
    }

    @Override
    public PendingDelivery add(PendingDelivery fresh) {
        if (deleted) {
            return null;
        }
        String key = prefix + String.format("%013d-%s", fresh.createdAt().toEpochMilli(), UUID.randomUUID().toString().substring(0, 8));
        try {
            etcd.put(key, json.writeValueAsString(fresh));
            List<PendingDelivery> all = all();
            // past max the oldest but the head (it may be in flight on the sender) is dropped
            if (all.size() > max && all.size() > 1) {
                PendingDelivery oldest = all.get(1);
                etcd.delete(keys.get(oldest.seq()));
                return oldest;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("delivery " + fresh.id() + " cannot be written as JSON", e);
        } catch (StoreUnavailable e) {
            LOG.warnf("delivery %s is not kept: %s", fresh.id(), e.getMessage());
        }
        return null;
    }

    @Override
    public PendingDelivery awaitHead() throws InterruptedException {
        while (true) {
            if (!deleted) {
                try {
                    List<PendingDelivery> all = all();
                    if (!all.isEmpty() && claims.claim(sender)) {
                        return all.get(0);
                    }
                } catch (StoreUnavailable e) {
                    LOG.debugf("the deliveries under %s are not read now: %s", prefix, e.getMessage());
                }
            }
            synchronized (this) {
                wait(POLL_MS);
            }
        }
    }

    @Override
    public void update(PendingDelivery d) {
        String key = keys.get(d.seq());
        try {
            fenced("recording an attempt of delivery " + d.id(), Op.put(StoreCalls.bytes(key),
                    StoreCalls.bytes(json.writeValueAsString(d)), PutOption.DEFAULT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("delivery " + d.id() + " cannot be written as JSON", e);
        }
    }

    @Override
    public void remove(PendingDelivery d) {
        String key = keys.remove(d.seq());
        if (key != null) {
            fenced("removing delivery " + d.id(), Op.delete(StoreCalls.bytes(key), DeleteOption.DEFAULT));
        }
    }

    /**
     * Writes only while this replica still sends this webhook's deliveries. When another took over
     * (this replica's lease ran out), the delivery thread is told by an exception, so that it stops
     * retrying what the other now sends and waits for a head again.
     */
    private void fenced(String doing, Op op) {
        if (!StoreCalls.txn(etcd, doing, new Cmp[] {
                new Cmp(StoreCalls.bytes(sender), Cmp.Op.EQUAL, CmpTarget.value(StoreCalls.bytes(claims.holder()))) }, op)) {
            throw new IllegalStateException(doing + ": not written, another replica sends this webhook's deliveries now");
        }
    }

    @Override
    public List<PendingDelivery> all() {
        List<StoredValue> stored = new ArrayList<>(etcd.list(prefix));
        stored.sort(Comparator.comparingLong(StoredValue::createRevision));
        List<PendingDelivery> all = new ArrayList<>();
        keys.keySet().retainAll(stored.stream().map(StoredValue::createRevision).toList());
        for (StoredValue v : stored) {
            try {
                PendingDelivery d = json.readValue(v.value(), PendingDelivery.class);
                keys.put(v.createRevision(), v.key());
                all.add(new PendingDelivery(v.createRevision(), d.id(), d.event(), d.cluster(), d.subject(), d.createdAt(), d.attempts(),
                        d.lastAttemptAt(), d.statusCode(), d.lastError(), d.body()));
            } catch (JsonProcessingException e) {
                LOG.warnf("skipping the unreadable delivery %s", v.key());
            }
        }
        return all;
    }

    @Override
    public void sleepUntil(Instant until) throws InterruptedException {
        alarm.sleepUntil(until);
    }

    @Override
    public void wake() {
        alarm.ring();
    }

    @Override
    public void deleteAll() {
        deleted = true;
        etcd.deletePrefix(prefix);
        claims.release(sender);
    }
}
