package io.coreswarm.api.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every successful etcd v2 keys call, and of every event a watcher receives.
 *
 * @param action   get, set, create, update, delete or expire
 * @param prevNode the node as it was before a write replaced or removed it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An etcd v2 response: the action taken and the node it touched", requiredProperties = { "action" })
public record EtcdResponse(String action, EtcdNode node, EtcdNode prevNode) {
}
