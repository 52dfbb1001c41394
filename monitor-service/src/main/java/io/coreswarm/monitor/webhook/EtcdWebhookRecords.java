package io.coreswarm.monitor.webhook;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.webhook.Webhook;
import io.coreswarm.monitor.MonitorKeys;
import io.coreswarm.store.Claims;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoredValue;

/**
 * The webhooks in etcd, {@code monitor/webhooks/<name>} (the secret inside, as in the 0600 file;
 * never answered nor logged), and their deliveries under {@code monitor/deliveries/<name>/}, sent
 * by the replica that holds the webhook's sender claim ({@link EtcdPending}).
 */
final class EtcdWebhookRecords implements WebhookRecords {
    private static final Logger LOG = Logger.getLogger(EtcdWebhookRecords.class);
    private final EtcdStore etcd;
    private final Claims claims;
    private final ObjectMapper json;

    EtcdWebhookRecords(EtcdStore etcd, Claims claims, ObjectMapper json) {
        this.etcd = etcd;
        this.claims = claims;
        this.json = json;
    }

    @Override
    public void put(Webhook webhook) {
        try {
            etcd.put(MonitorKeys.WEBHOOKS + webhook.name(), json.writeValueAsString(webhook));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook " + webhook.name() + " cannot be written as JSON", e);
        }
    }

    @Override
    public void remove(String name) {
        etcd.delete(MonitorKeys.WEBHOOKS + name);
    }

    @Override
    public List<Webhook> load() {
        List<Webhook> all = new ArrayList<>();
        for (StoredValue v : etcd.list(MonitorKeys.WEBHOOKS)) {
            String name = v.key().substring(MonitorKeys.WEBHOOKS.length());
            try {
                Webhook w = json.readValue(v.value(), Webhook.class);
                if (name.equals(w.name()) && w.url() != null && w.secret() != null) {
                    all.add(w);
                } else {
                    LOG.warnf("skipping %s%s: not a complete webhook named by its key", MonitorKeys.WEBHOOKS, name);
                }
            } catch (JsonProcessingException e) {
                LOG.warnf("skipping the unreadable webhook %s in etcd", name);
            }
        }
        return all;
    }

    @Override
    public Pending pending(String name, int max) {
        return new EtcdPending(etcd, claims, json, name, max);
    }

    @Override
    public boolean shared() {
        return true;
    }
}
