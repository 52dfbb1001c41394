package io.coreswarm.api.webhook;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.coreswarm.api.health.EventKind;
import io.coreswarm.api.health.JsonNames;
import io.coreswarm.api.spec.ClusterSpec;

/**
 * A receiver of health events. {@code name} may be omitted (the path names it).
 *
 * @param url     where each event is POSTed: {@code http://} or {@code https://}, a host, at most
 *                {@value #MAX_URL} characters, no user or password in it; redirects are not followed
 * @param secret  the HMAC-SHA256 key every delivery is signed with ({@value #MIN_SECRET} to
 *                {@value #MAX_SECRET} printable ASCII characters). Required when a webhook is
 *                created; a PUT that replaces one may leave it out to keep the stored one. Never
 *                returned: a read shows {@code "set"}
 * @param events  the event kinds delivered (default, or empty: all)
 * @param clusters the clusters whose events are delivered (default, or empty: all)
 * @param format  {@code json} (the default: a {@link WebhookPayload}) or {@code slack} (a Slack
 *                incoming-webhook message, {@code {"text": ...}})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Webhook(
        @Pattern(regexp = ClusterSpec.DNS_LABEL, message = "must be a lowercase DNS label")
        String name,

        @NotNull(message = "is required: the http:// or https:// URL deliveries are POSTed to")
        @Size(max = MAX_URL, message = "must be at most " + MAX_URL + " characters")
        String url,

        @Size(min = MIN_SECRET, max = MAX_SECRET, message = "must be " + MIN_SECRET + " to " + MAX_SECRET + " characters")
        @Pattern(regexp = "[\\x21-\\x7e]*", message = "must be printable ASCII without spaces")
        String secret,

        @Size(max = 16, message = "must list at most 16 event kinds")
        @JsonDeserialize(contentUsing = Webhook.EventKindJson.class)
        List<@NotNull(message = "must be an event kind, not null") EventKind> events,

        @Size(max = MAX_CLUSTERS, message = "must list at most " + MAX_CLUSTERS + " clusters")
        List<@NotNull(message = "must be a cluster name, not null") @Pattern(regexp = ClusterSpec.DNS_LABEL, message = "must be a lowercase DNS label") String> clusters,

        WebhookFormat format) {

    public static final int MAX_URL = 2048;
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;
    public static final int MAX_CLUSTERS = 100;
    /** What a read shows in place of the secret. */
    public static final String SECRET_SET = "set";

    /** Never the secret: a webhook that ends up in a log or a message shows it as "set" at most. */
    @Override
    public String toString() {
        return "Webhook[name=" + name + ", url=" + url + ", secret=" + (secret == null ? null : SECRET_SET) + ", events=" + events
                + ", clusters=" + clusters + ", format=" + format + "]";
    }

    /** Reads an event kind by its exact name only ({@code HEALTH}, {@code ETCD_MEMBER}, ...), never by index. */
    public static final class EventKindJson extends JsonNames<EventKind> {
        private static final long serialVersionUID = 1L;

        public EventKindJson() {
            super(EventKind.class);
        }
    }
}
