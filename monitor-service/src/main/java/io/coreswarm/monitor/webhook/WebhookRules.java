package io.coreswarm.monitor.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import io.coreswarm.api.problem.Problem;
import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.api.webhook.Webhook;
import io.coreswarm.api.webhook.WebhookFormat;

/**
 * What Bean Validation on {@link Webhook} cannot say: the body's name must be the path's; the URL
 * must be an absolute http or https URL with a host and without user information (which would be
 * shown back by every read); a new webhook needs a secret, a replaced one keeps its own if none is
 * given. Fills in the defaults (all events, all clusters, json) and drops repeats in the filter.
 */
final class WebhookRules {
    private WebhookRules() {
    }

    static Webhook normalize(String name, Webhook body, Webhook existing) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (body.name() != null && !body.name().equals(name)) {
            violations.add(new Problem.Violation("name", "must be the name in the path (" + name + ") or be left out"));
        }
        String urlRule = urlRule(body.url());
        if (urlRule != null) {
            violations.add(new Problem.Violation("url", urlRule));
        }
        String secret = body.secret() != null ? body.secret() : existing == null ? null : existing.secret();
        if (secret == null) {
            violations.add(new Problem.Violation("secret", "is required for a new webhook: every delivery is signed with it ("
                    + Webhook.MIN_SECRET + " to " + Webhook.MAX_SECRET + " characters)"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return new Webhook(name, body.url(), secret,
                body.events() == null ? List.of() : List.copyOf(new LinkedHashSet<>(body.events())),
                body.clusters() == null ? List.of() : List.copyOf(new LinkedHashSet<>(body.clusters())),
                body.format() == null ? WebhookFormat.JSON : body.format());
    }

    /** The webhook as a read shows it: the secret only as "set". */
    static Webhook shown(Webhook w) {
        return new Webhook(w.name(), w.url(), Webhook.SECRET_SET, w.events(), w.clusters(), w.format());
    }

    /** Why the URL is refused, or null. */
    static String urlRule(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be a URL (" + e.getReason() + " at index " + e.getIndex() + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http:// or https:// URL";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "must name a host (http://host[:port]/path)";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not hold a user or password (it would be shown by every read; use the secret)";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a #fragment (it is never sent)";
        }
        return null;
    }
}
