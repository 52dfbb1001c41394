package io.coreswarm.monitor.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.coreswarm.api.webhook.Delivery;
import io.coreswarm.api.webhook.DeliveryStatus;
import io.coreswarm.api.webhook.Webhook;
import io.coreswarm.monitor.Failures;

/**
 * One webhook's delivery thread: sends its pending deliveries one at a time, oldest first (a
 * delivery waits for the one before it), retrying each with exponential backoff until the receiver
 * answers 2xx, refuses it for good (a 3xx or a 4xx other than 408 and 429) or the attempts run out.
 * Its own thread and queue: a receiver that hangs holds up no one but itself.
 */
final class WebhookWorker implements Runnable {
    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    static final String EVENT_HEADER = "X-Coreswarm-Event";
    static final String DELIVERY_HEADER = "X-Coreswarm-Delivery";

    private volatile Webhook webhook;
    private final Pending pending;
    private final HttpClient http;
    private final WebhookConfig config;
    private final Deque<Delivery> finished = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean stopped;

    WebhookWorker(Webhook webhook, Pending pending, HttpClient http, WebhookConfig config) {
        this.webhook = webhook;
        this.pending = pending;
        this.http = http;
        this.config = config;
        this.thread = new Thread(this, "webhook-" + webhook.name());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Webhook webhook() {
        return webhook;
    }

    /** A changed URL or secret is used from the next attempt on, which is made at once. */
    void update(Webhook changed) {
        webhook = changed;
        pending.wake();
    }

    void enqueue(PendingDelivery d) {
        PendingDelivery dropped = pending.add(d);
        if (dropped != null) {
            finish(dropped.view(DeliveryStatus.DROPPED, "dropped: more than " + config.maxPending()
                    + " deliveries waited (coreswarm.monitor.webhooks.max-pending)"));
        }
    }

    /** The last finished deliveries, then the pending ones, oldest first. */
    List<Delivery> deliveries() {
        List<Delivery> all;
        synchronized (finished) {
            all = new ArrayList<>(finished);
        }
        pending.all().forEach(p -> all.add(p.view(DeliveryStatus.PENDING)));
        return all;
    }

    /** Stops the thread; what is pending stays on disk unless {@code forget}. */
    void stop(boolean forget) {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (forget) {
            pending.deleteAll();
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                deliver(pending.awaitHead());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // never let one odd delivery end the thread that serves all of this webhook's
                LOG.warnf("webhook %s: %s", webhook.name(), e.toString());
            }
        }
    }

    private void deliver(PendingDelivery d) throws InterruptedException {
        while (!stopped) {
            Attempt a = attempt(d);
            d = d.attempted(Instant.now(), a.status, a.error);
            if (a.error == null) {
                done(d, DeliveryStatus.DELIVERED);
                return;
            }
            if (!a.retry() || d.attempts() >= config.maxAttempts()) {
                done(d, DeliveryStatus.FAILED);
                LOG.infof("webhook %s: delivery %s failed after %d attempts: %s", webhook.name(), d.id(), d.attempts(), d.lastError());
                return;
            }
            pending.update(d);
            pending.sleepUntil(Instant.now().plus(backoff(d.attempts())));
        }
    }

    /** initial × 2^(attempts-1), at most max-backoff. */
    Duration backoff(int attempts) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private void done(PendingDelivery d, DeliveryStatus status) {
        pending.remove(d);
        finish(d.view(status));
    }

    private void finish(Delivery d) {
        synchronized (finished) {
            finished.addLast(d);
            while (finished.size() > config.deliveriesKept()) {
                finished.removeFirst();
            }
        }
    }

    private Attempt attempt(PendingDelivery d) throws InterruptedException {
        Webhook w = webhook;
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(w.url()))
                .timeout(config.responseTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "coreswarm-monitor")
                .header(EVENT_HEADER, d.event().name())
                .header(DELIVERY_HEADER, d.id())
                .header(Signature.HEADER, Signature.of(w.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = response.get(config.responseTimeout().toMillis() + 500, TimeUnit.MILLISECONDS).statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(status, null, false);
            }
            boolean retry = status >= 500 || status == 408 || status == 429;
            return new Attempt(status, "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""), retry);
        } catch (ExecutionException | TimeoutException e) {
            response.cancel(true);
            // in words only: neither a stack trace nor anything the receiver sent
            return new Attempt(null, Failures.describe(e, config.responseTimeout()), true);
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        }
    }

    /** One POST: the status if the receiver answered, the error unless it answered 2xx, whether to try again. */
    private record Attempt(Integer status, String error, boolean retry) {
    }
}
