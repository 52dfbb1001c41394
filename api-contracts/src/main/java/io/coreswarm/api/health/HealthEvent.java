package io.coreswarm.api.health;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change monitor-service saw between two polls: a node down or up, a leader change, a health
 * change. {@code subject} names the member, node or cluster; {@code from} and {@code to} are the
 * states before and after ({@code none} for no leader).
 */
@Schema(requiredProperties = { "time", "cluster", "kind", "from", "to", "message" })
public record HealthEvent(Instant time, String cluster, EventKind kind, String subject, String from, String to, String message) {
}
