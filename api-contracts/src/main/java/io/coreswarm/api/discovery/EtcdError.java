package io.coreswarm.api.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An etcd v2 error. The discovery protocol's outcomes (key not found, key already exists) are
 * answered in this shape, not as problem+json, because etcd's client branches on
 * {@code errorCode}: 105 on its own registration is how a member learns it registered twice.
 *
 * @param cause the key concerned
 * @param index the store's index when the error happened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An etcd v2 error", requiredProperties = { "errorCode", "message", "index" })
public record EtcdError(int errorCode, String message, String cause, long index) {

    public static final int KEY_NOT_FOUND = 100;
    public static final int NOT_A_FILE = 102;
    public static final int NOT_A_DIRECTORY = 104;
    public static final int KEY_EXISTS = 105;
    public static final int EVENT_INDEX_CLEARED = 401;
}
