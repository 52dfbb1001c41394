package io.coreswarm.api.health;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of one server-sent event of a cluster's event stream
 * ({@code GET /v1/clusters/{name}/events/stream}), for the OpenAPI document: on the wire each event
 * is {@code data: <HealthEvent as JSON>} followed by a blank line. Modelled as an event object whose
 * {@code data} is the payload, as OpenAPI 3.2's {@code itemSchema} for {@code text/event-stream}
 * models it, so that a client generator reads a stream of events rather than one. The service
 * never builds one: it streams the {@link HealthEvent}s.
 */
@Schema(name = "ServerSentHealthEvent", description = "One server-sent event of a cluster's changes: `data: <HealthEvent as JSON>`")
public record ServerSentHealthEvent(
        @Schema(required = true, description = "the change, as JSON") HealthEvent data) {
}
