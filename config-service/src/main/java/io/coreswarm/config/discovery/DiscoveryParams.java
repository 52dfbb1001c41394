package io.coreswarm.config.discovery;

import java.time.Duration;

import io.coreswarm.api.problem.ProblemException;

/**
 * Parses the discovery endpoints' query and form values. They arrive as strings so that a bad
 * one is a 400 problem naming it (JAX-RS would answer a failed int conversion with 404).
 */
final class DiscoveryParams {
    private DiscoveryParams() {
    }

    /** {@code /new?size=}: absent or empty means 3, as on discovery.etcd.io; blank is not a number. */
    static int size(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DiscoveryService.DEFAULT_SIZE;
        }
        String rule = "must be an integer from 1 to " + DiscoveryService.MAX_SIZE;
        int size;
        try {
            size = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("size", rule);
        }
        if (size < 1 || size > DiscoveryService.MAX_SIZE) {
            throw ProblemException.invalid("size", rule);
        }
        return size;
    }

    /** Absent or empty means 0: wait for the next change. */
    static long waitIndex(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            long index = Long.parseLong(raw.trim());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("waitIndex", "must be a non-negative integer");
    }

    /** Seconds, from the form body or else the query; absent or empty means no TTL. */
    static Duration ttl(String form, String query) {
        String raw = form != null && !form.isBlank() ? form : query;
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(raw.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("ttl", "must be a positive integer (seconds)");
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
