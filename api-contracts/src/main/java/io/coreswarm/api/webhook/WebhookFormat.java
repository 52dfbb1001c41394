package io.coreswarm.api.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.coreswarm.api.health.JsonNames;

/** The body a webhook gets; in JSON its lowercase name. Either way it is signed the same. */
@JsonDeserialize(using = WebhookFormat.Json.class)
public enum WebhookFormat {
    /** A {@link WebhookPayload}: the delivery id, the webhook's name and the event. The default. */
    JSON("json"),
    /** A Slack incoming-webhook message: {@code {"text": "..."}}, the event in one line. */
    SLACK("slack");

    private final String id;

    WebhookFormat(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Reads only {@code json} and {@code slack}. */
    public static final class Json extends JsonNames<WebhookFormat> {
        private static final long serialVersionUID = 1L;

        public Json() {
            super(WebhookFormat.class);
        }
    }
}
