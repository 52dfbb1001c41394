package io.coreswarm.api.discovery;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A key or directory as etcd v2 writes it. Absent members are omitted, as etcd does:
 * {@code value} for directories, {@code dir} for keys, {@code nodes} for keys and empty directories,
 * {@code expiration}/{@code ttl} for keys without a TTL.
 *
 * @param key        the full key, {@code /<token>/<name>}
 * @param nodes      children of a directory; one level, or the whole subtree when asked recursively
 * @param expiration when a key with a TTL expires (ISO-8601)
 * @param ttl        seconds left until {@code expiration}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An etcd v2 node: a key with a value, or a directory", requiredProperties = { "key", "createdIndex", "modifiedIndex" })
public record EtcdNode(
        String key,
        String value,
        Boolean dir,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EtcdNode> nodes,
        long createdIndex,
        long modifiedIndex,
        String expiration,
        Long ttl) {

    public static EtcdNode key(String key, String value, long createdIndex, long modifiedIndex) {
        return new EtcdNode(key, value, null, null, createdIndex, modifiedIndex, null, null);
    }
}
