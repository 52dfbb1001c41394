package io.coreswarm.api.webhook;

import io.coreswarm.api.health.HealthEvent;

/**
 * The body of a {@code json} delivery. {@code id} is also the {@code X-Coreswarm-Delivery} header;
 * a receiver that sees an id twice (a retry whose answer was lost) can drop the repeat.
 */
public record WebhookPayload(String id, String webhook, HealthEvent event) {
}
