package io.coreswarm.monitor.webhook;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.api.problem.Conflict;
import io.coreswarm.api.problem.NotFound;
import io.coreswarm.api.webhook.Delivery;
import io.coreswarm.api.webhook.Webhook;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.monitor.health.Events;
import io.coreswarm.store.Claims;
import io.coreswarm.store.ReplicaIdentity;
import io.coreswarm.store.StateStore;
import io.coreswarm.store.StoreUnavailable;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The webhooks of the running monitor ({@code <data-dir>/webhooks}, or etcd shared by the replicas),
 * fed by the events this replica records (each event is recorded by the one replica that polls its
 * target, so it is queued once). Events
 * reach the webhooks through one intake thread with a bounded queue: the poll that saw a change
 * only hands the event over, it never writes a delivery file nor waits on a receiver.
 */
@ApplicationScoped
public class Webhooks {
    private static final Logger LOG = Logger.getLogger(Webhooks.class);
    private static final int INTAKE_QUEUE = 10_000;
    private final WebhookHub hub;
    private final WebhookConfig config;
    private final Events events;
    private final ThreadPoolExecutor intake;
    private Cancellable following;

    Webhooks(MonitorConfig monitor, WebhookConfig config, ObjectMapper json, Events events, StateStore store, ReplicaIdentity me) {
        this.hub = store.isEtcd()
                ? new WebhookHub(new EtcdWebhookRecords(store.etcd(), new Claims(store.etcd(), store.lease(), me.id()), json), config, json)
                : new WebhookHub(monitor.dataDir().resolve("webhooks"), config, json);
        this.config = config;
        this.events = events;
        this.intake = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(INTAKE_QUEUE), r -> {
            Thread t = new Thread(r, "webhook-intake");
            t.setDaemon(true);
            return t;
        }, (r, pool) -> LOG.warnf("webhook intake full (%d events waiting): an event is not delivered", INTAKE_QUEUE));
    }

    void follow(@Observes StartupEvent start) {
        following = events.followAll().subscribe().with(this::offer);
    }

    private void offer(HealthEvent event) {
        intake.execute(() -> {
            sync(); // a webhook another replica just added wants this event too
            hub.offer(event);
        });
    }

    /** With etcd, follows the webhooks other replicas add, change and remove (their delivery threads with them). */
    @Scheduled(identity = "sync-webhooks", every = "${coreswarm.monitor.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sync() {
        try {
            hub.sync();
        } catch (StoreUnavailable e) {
            LOG.debugf("the webhooks are not read again now: %s", e.getMessage());
        }
    }

    public List<Webhook> all() {
        hub.sync();
        return hub.all().stream().map(WebhookRules::shown).toList();
    }

    public Webhook get(String name) {
        hub.sync();
        return WebhookRules.shown(hub.find(name).orElseThrow(() -> unknown(name)));
    }

    public synchronized Webhook put(String name, Webhook body) {
        hub.sync();
        Webhook existing = hub.find(name).orElse(null);
        Webhook webhook = WebhookRules.normalize(name, body, existing);
        if (existing == null && hub.size() >= config.maxWebhooks()) {
            throw new Conflict("at most " + config.maxWebhooks() + " webhooks are kept (coreswarm.monitor.webhooks.max-webhooks); delete one first");
        }
        hub.put(webhook);
        return WebhookRules.shown(webhook);
    }

    public synchronized void remove(String name) {
        hub.sync();
        if (!hub.remove(name)) {
            throw unknown(name);
        }
    }

    public List<Delivery> deliveries(String name) {
        hub.sync();
        return hub.deliveries(name).orElseThrow(() -> unknown(name));
    }

    @PreDestroy
    void stop() {
        if (following != null) {
            following.cancel();
        }
        intake.shutdown();
        try {
            // what the intake still holds becomes pending files, sent after the restart
            intake.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hub.close();
    }

    private static NotFound unknown(String name) {
        return new NotFound("no webhook named " + name + "; PUT /v1/webhooks/" + name + " first");
    }
}
