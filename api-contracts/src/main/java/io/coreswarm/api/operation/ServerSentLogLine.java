package io.coreswarm.api.operation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of one server-sent event of an operation's log ({@code GET /v1/operations/{id}/log}),
 * for the OpenAPI document: on the wire each event is {@code data: <line>} followed by a blank line.
 * Modelled as an event object whose {@code data} is the payload, as OpenAPI 3.2's
 * {@code itemSchema} for {@code text/event-stream} models it, so that a client generator reads it
 * as a stream of lines rather than one string. The service never builds one: it streams the lines.
 */
@Schema(name = "ServerSentLogLine", description = "One server-sent event of an operation's log: `data: <line>`")
public record ServerSentLogLine(
        @Schema(required = true, description = "one line of the log: an ISO-8601 timestamp, a space, the text",
                example = "2026-11-30T16:40:02.118Z ==> start machines")
        String data) {
}
