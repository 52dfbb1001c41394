package io.coreswarm.config.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How many tokens etcd holds and their estimated bytes, in one key that every discovery write
 * changes in its own transaction (compared on its mod revision): the caps of {@link DiscoveryLimits}
 * hold across all replicas, and concurrent writes are serialised as the in-memory store's lock does.
 *
 * @param modRevision the key's mod revision when read; 0 when it does not exist yet
 */
record DiscoveryUsage(int tokens, long bytes, long modRevision) {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Counts(int tokens, long bytes) {
    }

    static DiscoveryUsage parse(String json, long modRevision) {
        try {
            Counts c = JSON.readValue(json, Counts.class);
            return new DiscoveryUsage(c.tokens(), c.bytes(), modRevision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(EtcdDiscoveryKeys.USAGE + " is not what config-service wrote", e);
        }
    }

    /** The counts after a write: {@code tokens} and {@code bytes} more (or fewer). */
    String plus(int moreTokens, long moreBytes) {
        try {
            return JSON.writeValueAsString(new Counts(tokens + moreTokens, Math.max(0, bytes + moreBytes)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
