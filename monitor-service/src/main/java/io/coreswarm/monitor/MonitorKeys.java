package io.coreswarm.monitor;

/**
 * Where monitor-service keeps its state with {@code coreswarm.store=etcd}: keys relative to the
 * store's namespace, one prefix per kind of record, each followed by the target's name. Kept in one
 * place because a poll's health is written only while its target and its poll claim exist (one
 * transaction comparing keys of three kinds).
 */
public final class MonitorKeys {
    /** {@code monitor/targets/<name>}: the target's JSON, its TLS without the key. */
    public static final String TARGETS = "monitor/targets/";
    /** {@code monitor/target-keys/<name>}: a target's TLS key (PKCS#8 PEM), apart so that listing targets never reads it. */
    public static final String TARGET_KEYS = "monitor/target-keys/";
    /** {@code monitor/health/<name>}: the last poll's health and info text, written by the replica that polls it. */
    public static final String HEALTH = "monitor/health/";
    /** {@code monitor/pollers/<name>}: the id of the replica that polls it, under that replica's lease. */
    public static final String POLLERS = "monitor/pollers/";
    /** {@code monitor/events/<name>/<id>}: a target's events, the last {@code events-kept} of them. */
    public static final String EVENTS = "monitor/events/";

    /** {@code monitor/history/<name>}: a target's health history (its tiers), as its poller last flushed it. */
    public static final String HISTORY = "monitor/history/";
    /** {@code monitor/webhooks/<name>}: a webhook's JSON, its secret included (never answered). */
    public static final String WEBHOOKS = "monitor/webhooks/";
    /** {@code monitor/deliveries/<webhook>/<id>}: a webhook's pending deliveries, in the order etcd created them. */
    public static final String DELIVERIES = "monitor/deliveries/";
    /** {@code monitor/webhook-senders/<webhook>}: the id of the replica that sends its deliveries, under that replica's lease. */
    public static final String WEBHOOK_SENDERS = "monitor/webhook-senders/";

    private MonitorKeys() {
    }
}
