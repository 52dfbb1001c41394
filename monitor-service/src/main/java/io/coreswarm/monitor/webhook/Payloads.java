package io.coreswarm.monitor.webhook;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.api.webhook.WebhookFormat;
import io.coreswarm.api.webhook.WebhookPayload;

/** The body of a delivery in the webhook's format. */
final class Payloads {
    private Payloads() {
    }

    static String body(WebhookFormat format, String id, String webhook, HealthEvent event, ObjectMapper json) {
        try {
            return switch (format) {
                case JSON -> json.writeValueAsString(new WebhookPayload(id, webhook, event));
                case SLACK -> json.writeValueAsString(Map.of("text", slackText(event)));
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event is always writable as JSON", e);
        }
    }

    /** One line, as Slack shows it: the cluster in bold, then what changed. */
    static String slackText(HealthEvent e) {
        return "*" + e.cluster() + "* " + escape(e.message()) + " (" + e.kind() + " " + escape(e.subject()) + ": "
                + escape(e.from()) + " → " + escape(e.to()) + ")";
    }

    /** Slack reads {@code <...>} as a link or mention; these three are the characters it wants escaped. */
    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
