package io.coreswarm.api.health;

import java.time.Instant;

/** A change monitor-service saw: a node down or up, a leader change, a health change. */
public record HealthEvent(Instant time, String cluster, String kind, String subject, String from, String to, String message) {
}
