package io.coreswarm.config.discovery;

import java.util.ArrayList;
import java.util.List;

import io.coreswarm.api.problem.ProblemException;

/**
 * A key inside one token's space, as the segments below the token. Its etcd name is
 * {@code /<token>/<segments...>}; the token itself is the root directory (no segments).
 */
public record KeyPath(String token, List<String> segments) {

    public KeyPath {
        segments = List.copyOf(segments);
    }

    /** Parses the {@code key} path parameter within the default limits. */
    public static KeyPath of(String token, String key) {
        return of(token, key, DiscoveryLimits.DEFAULTS);
    }

    /**
     * Parses the {@code key} path parameter; empty segments ({@code a//b}, a trailing slash) are
     * ignored. A key deeper or longer than {@code limits} allow, or with control characters, is a
     * 400 problem naming {@code key}: a 1200-level key once made a recursive read fail half-written.
     */
    public static KeyPath of(String token, String key, DiscoveryLimits limits) {
        String raw = key == null ? "" : key;
        if (raw.length() > limits.maxKeyLength()) {
            throw ProblemException.invalid("key", "must be at most " + limits.maxKeyLength() + " characters");
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid("key", "must not contain control characters");
        }
        List<String> segments = new ArrayList<>();
        for (String s : raw.split("/")) {
            if (s.equals(".") || s.equals("..")) {
                throw ProblemException.invalid("key", "must not contain '.' or '..' segments");
            }
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        if (segments.size() > limits.maxKeyDepth()) {
            throw ProblemException.invalid("key", "must have at most " + limits.maxKeyDepth() + " segments below the token");
        }
        return new KeyPath(token, segments);
    }

    public static KeyPath root(String token) {
        return new KeyPath(token, List.of());
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The last segment; the token for the root. */
    public String name() {
        return segments.isEmpty() ? token : segments.get(segments.size() - 1);
    }

    public KeyPath child(String name) {
        List<String> longer = new ArrayList<>(segments);
        longer.add(name);
        return new KeyPath(token, longer);
    }

    /** The key as etcd names it in responses: {@code /<token>/a/b}. */
    public String etcdKey() {
        return "/" + token + (segments.isEmpty() ? "" : "/" + String.join("/", segments));
    }

    /** Names starting with {@code _} (such as {@code _config}) are hidden from listings and recursive watches. */
    public static boolean isHidden(String name) {
        return name.startsWith("_");
    }
}
