package io.coreswarm.api.cluster;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An observation about a cluster, as Cluster API reports them: {@code status} is True, False or
 * Unknown; {@code reason} is a CamelCase word, {@code message} is for people.
 */
@Schema(requiredProperties = { "type", "status", "reason", "message", "lastTransitionTime" })
public record Condition(String type, String status, String reason, String message, Instant lastTransitionTime) {
}
