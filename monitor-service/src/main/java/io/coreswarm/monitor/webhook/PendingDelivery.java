package io.coreswarm.monitor.webhook;

import java.time.Instant;

import io.coreswarm.api.health.EventKind;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.coreswarm.api.webhook.Delivery;
import io.coreswarm.api.webhook.DeliveryStatus;

/**
 * A delivery not finished yet, as kept in its file: the exact body that is signed and sent (made
 * once, when the event came, so that a retry or a restart sends the same bytes), and how its
 * attempts went so far. {@code seq} orders a webhook's deliveries.
 */
@RegisterForReflection // read and written by Jackson, also in a native image
record PendingDelivery(long seq, String id, EventKind event, String cluster, String subject, Instant createdAt,
        int attempts, Instant lastAttemptAt, Integer statusCode, String lastError, String body) {

    /** After one more attempt; a success keeps the error of the failed attempt before it (why it took several). */
    PendingDelivery attempted(Instant at, Integer status, String error) {
        return new PendingDelivery(seq, id, event, cluster, subject, createdAt, attempts + 1, at, status,
                error != null ? error : lastError, body);
    }

    Delivery view(DeliveryStatus status) {
        return new Delivery(id, event, cluster, subject, createdAt, status, attempts, lastAttemptAt, statusCode, lastError);
    }

    Delivery view(DeliveryStatus status, String error) {
        return new Delivery(id, event, cluster, subject, createdAt, status, attempts, lastAttemptAt, statusCode, error);
    }
}
