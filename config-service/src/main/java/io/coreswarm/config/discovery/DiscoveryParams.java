package io.coreswarm.config.discovery;

import java.time.Duration;
import java.util.regex.Pattern;

import io.coreswarm.api.problem.ProblemException;

/**
 * Parses the discovery endpoints' query and form values. They arrive as strings so that a bad
 * one is a 400 problem naming it (JAX-RS would answer a failed int conversion with 404). Numbers
 * are ASCII digits only: Java's own parsers also take other scripts' digits (fullwidth {@code ３}).
 */
final class DiscoveryParams {
    /** At most 18 digits, so that every accepted number fits a long. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private DiscoveryParams() {
    }

    private static boolean digits(String raw) {
        return DIGITS.matcher(raw).matches();
    }

    /** {@code /new?size=}: absent or empty means 3, as on discovery.etcd.io; blank is not a number. */
    static int size(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DiscoveryService.DEFAULT_SIZE;
        }
        String rule = "must be an integer from 1 to " + DiscoveryService.MAX_SIZE;
        if (!digits(raw)) {
            throw ProblemException.invalid("size", rule);
        }
        long size = Long.parseLong(raw);
        if (size < 1 || size > DiscoveryService.MAX_SIZE) {
            throw ProblemException.invalid("size", rule);
        }
        return (int) size;
    }

    /** Absent or empty means 0: wait for the next change. */
    static long waitIndex(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        if (digits(raw.trim())) {
            return Long.parseLong(raw.trim());
        }
        throw ProblemException.invalid("waitIndex", "must be a non-negative integer");
    }

    /**
     * Seconds, from the form body or else the query; absent or empty means no TTL. A TTL above
     * {@code max} is refused before anything is stored (10^16 s once overflowed the expiry time).
     */
    static Duration ttl(String form, String query, Duration max) {
        String raw = form != null && !form.isBlank() ? form : query;
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String rule = "must be a positive integer of seconds, at most " + max.toSeconds();
        if (!digits(raw.trim())) {
            throw ProblemException.invalid("ttl", rule);
        }
        long seconds = Long.parseLong(raw.trim());
        if (seconds < 1 || seconds > max.toSeconds()) {
            throw ProblemException.invalid("ttl", rule);
        }
        return Duration.ofSeconds(seconds);
    }

    /** {@code true}, {@code false}, or absent (null: either). */
    static Boolean prevExist(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid("prevExist", "must be true or false");
        };
    }
}
