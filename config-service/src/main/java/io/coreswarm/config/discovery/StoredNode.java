package io.coreswarm.config.discovery;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The value of one etcd key of a token's tree: a directory, or a key with its value, the v2 action
 * that wrote it (what a watcher of the change is told) and its expiry. etcd itself gives the
 * indexes: createdIndex is the key's create revision, modifiedIndex its mod revision.
 *
 * @param expiration an ISO instant
 * @param bytes on the token's root only: the estimated bytes of its tree, as {@link DiscoveryUsage} counted them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredNode(Boolean dir, String value, String action, String expiration, Long bytes) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static StoredNode directory() {
        return new StoredNode(true, null, null, null, null);
    }

    static StoredNode root(long bytes) {
        return new StoredNode(true, null, null, null, bytes);
    }

    static StoredNode key(String value, String action, Instant expiration) {
        return new StoredNode(null, value, action, expiration == null ? null : expiration.toString(), null);
    }

    @JsonIgnore
    boolean isDirectory() {
        return Boolean.TRUE.equals(dir);
    }

    /** When a key with a TTL expires (its lease may outlive it a little: it is gone from then on); null for none. */
    Instant expiresAt() {
        return expiration == null ? null : Instant.parse(expiration);
    }

    boolean expiredAt(Instant now) {
        return expiration != null && !now.isBefore(expiresAt());
    }

    long recordedBytes() {
        return bytes == null ? 0 : bytes;
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored node; a value not written by this class (someone else's key) reads as an empty key. */
    static StoredNode parse(String json) {
        try {
            return JSON.readValue(json, StoredNode.class);
        } catch (JsonProcessingException e) {
            return key("", "set", null);
        }
    }
}
