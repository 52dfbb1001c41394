package io.coreswarm.api.webhook;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** waiting for its turn, or for its next attempt */
    PENDING,
    /** the receiver answered 2xx */
    DELIVERED,
    /** the attempts ran out, or the receiver refused it for good (a 4xx other than 408 and 429) */
    FAILED,
    /** never sent: the webhook's queue was full and this was its oldest delivery */
    DROPPED
}
