package io.coreswarm.monitor.webhook;

import java.util.List;

import io.coreswarm.api.webhook.Webhook;

/**
 * Where the webhooks (secrets included) and their pending deliveries are kept: files in one
 * directory ({@link WebhookStore}) or etcd, shared by the replicas ({@link EtcdWebhookRecords}).
 */
interface WebhookRecords {

    void put(Webhook webhook);

    void remove(String name);

    /** Every complete webhook; one that cannot be read is logged (by name, never its content) and skipped. */
    List<Webhook> load();

    /** A webhook's pending deliveries, at most {@code max}. */
    Pending pending(String name, int max);

    /** Whether other replicas may change the webhooks, so that the hub reads them again before it answers. */
    boolean shared();
}
