/**
 * Webhooks: every health event the log records is POSTed, signed with HMAC-SHA256, to each webhook
 * whose filter takes it. {@link io.coreswarm.monitor.webhook.Webhooks} is the running monitor's
 * (fed by {@link io.coreswarm.monitor.health.Events}, the events this replica records), {@link io.coreswarm.monitor.webhook.WebhookHub}
 * the webhooks of one directory (or of etcd) with a delivery thread each, {@code Pending} a
 * webhook's deliveries in order: {@code PendingQueue} on disk (0600), {@code EtcdPending} in etcd,
 * sent by the one replica holding the webhook's sender claim; {@code WebhookWorker} the thread that sends them with retries
 * and backoff. Also the REST resource. Uses {@code health} (the event log) and nothing above it.
 */
package io.coreswarm.monitor.webhook;
