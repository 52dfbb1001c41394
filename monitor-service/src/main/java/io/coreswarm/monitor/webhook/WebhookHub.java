package io.coreswarm.monitor.webhook;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.api.webhook.Delivery;
import io.coreswarm.api.webhook.Webhook;
import io.coreswarm.api.webhook.WebhookFormat;

/**
 * The webhooks kept in one directory and their delivery threads: an event offered here becomes a
 * pending delivery (body made and signed-to-be, file written) for every webhook whose filter takes
 * it, and is sent by that webhook's own thread. Closing stops the threads and keeps what is
 * pending; a hub opened again over the same directory sends it.
 */
final class WebhookHub implements AutoCloseable {
    private final WebhookRecords store;
    private final ObjectMapper json;
    private final WebhookConfig config;
    private final HttpClient http;
    private final Map<String, WebhookWorker> workers = new ConcurrentHashMap<>();

    WebhookHub(Path dir, WebhookConfig config, ObjectMapper json) {
        this(new WebhookStore(dir, json), config, json);
    }

    WebhookHub(WebhookRecords store, WebhookConfig config, ObjectMapper json) {
        this.store = store;
        this.json = json;
        this.config = config;
        // one client for all: its I/O is asynchronous, so a receiver that hangs blocks only its own worker
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        store.load().forEach(this::start);
    }

    /**
     * Reads the webhooks again when other replicas may have changed them (etcd): starts the
     * threads of new ones, updates changed ones, stops removed ones (their deliveries are theirs
     * to drop). A no-op with files.
     */
    synchronized void sync() {
        if (!store.shared()) {
            return;
        }
        Map<String, Webhook> now = new java.util.HashMap<>();
        store.load().forEach(w -> now.put(w.name(), w));
        for (String gone : List.copyOf(workers.keySet())) {
            if (!now.containsKey(gone)) {
                workers.remove(gone).stop(false);
            }
        }
        now.values().forEach(w -> {
            WebhookWorker running = workers.get(w.name());
            if (running == null) {
                start(w);
            } else if (!running.webhook().equals(w)) {
                running.update(w);
            }
        });
    }

    List<Webhook> all() {
        return workers.values().stream().map(WebhookWorker::webhook).sorted(Comparator.comparing(Webhook::name)).toList();
    }

    Optional<Webhook> find(String name) {
        return Optional.ofNullable(workers.get(name)).map(WebhookWorker::webhook);
    }

    int size() {
        return workers.size();
    }

    /** Stores a complete webhook (secret included) and starts or updates its thread. */
    synchronized void put(Webhook webhook) {
        store.put(webhook);
        WebhookWorker running = workers.get(webhook.name());
        if (running != null) {
            running.update(webhook);
        } else {
            start(webhook);
        }
    }

    /** Removes a webhook with its pending deliveries; false if there was none. */
    synchronized boolean remove(String name) {
        WebhookWorker w = workers.remove(name);
        if (w == null) {
            return false;
        }
        w.stop(true);
        store.remove(name);
        return true;
    }

    Optional<List<Delivery>> deliveries(String name) {
        return Optional.ofNullable(workers.get(name)).map(WebhookWorker::deliveries);
    }

    /** Queues the event for every webhook that wants it; never waits on a receiver. */
    void offer(HealthEvent event) {
        for (WebhookWorker w : workers.values()) {
            Webhook hook = w.webhook();
            if (wants(hook, event)) {
                String id = UUID.randomUUID().toString();
                WebhookFormat format = hook.format() == null ? WebhookFormat.JSON : hook.format();
                w.enqueue(new PendingDelivery(0, id, event.kind(), event.cluster(), event.subject(), Instant.now(), 0, null, null,
                        null, Payloads.body(format, id, hook.name(), event, json)));
            }
        }
    }

    static boolean wants(Webhook hook, HealthEvent event) {
        return (hook.events() == null || hook.events().isEmpty() || hook.events().contains(event.kind()))
                && (hook.clusters() == null || hook.clusters().isEmpty() || hook.clusters().contains(event.cluster()));
    }

    @Override
    public void close() {
        workers.values().forEach(w -> w.stop(false));
        workers.clear();
    }

    private void start(Webhook webhook) {
        WebhookWorker w = new WebhookWorker(webhook, store.pending(webhook.name(), config.maxPending()), http, config);
        workers.put(webhook.name(), w);
        w.start();
    }
}
