package io.coreswarm.monitor.webhook;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are delivered, and their caps. */
@ConfigMapping(prefix = "coreswarm.monitor.webhooks")
public interface WebhookConfig {

    /** Webhooks at most; a new one beyond is a 409 problem (each has its own delivery thread). */
    @WithDefault("20")
    @Min(1)
    int maxWebhooks();

    /** Deliveries waiting per webhook; when full, the oldest is dropped (and shown as DROPPED). */
    @WithDefault("1000")
    @Min(1)
    int maxPending();

    /** Finished deliveries shown per webhook (oldest forgotten first). */
    @WithDefault("100")
    @Min(1)
    int deliveriesKept();

    /** POSTs of one delivery at most, the first included; then it is FAILED and the next one goes. */
    @WithDefault("8")
    @Min(1)
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("5m")
    Duration maxBackoff();

    /** Connecting to a receiver. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** A receiver's whole answer, from the request sent. */
    @WithDefault("10s")
    Duration responseTimeout();
}
