package io.coreswarm.api.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.coreswarm.api.health.EventKind;

/**
 * One event sent (or to be sent) to one webhook.
 *
 * @param id         the delivery id, as in the {@code X-Coreswarm-Delivery} header and the body
 * @param event      the kind of event, as in the {@code X-Coreswarm-Event} header
 * @param attempts   POSTs made so far
 * @param statusCode the receiver's last HTTP status, if it answered
 * @param lastError  why the last failed attempt failed, in a few words (never the receiver's body);
 *                   kept on a delivery that succeeded after it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(
        String id,
        EventKind event,
        String cluster,
        String subject,
        Instant createdAt,
        DeliveryStatus status,
        int attempts,
        Instant lastAttemptAt,
        Integer statusCode,
        String lastError) {
}
