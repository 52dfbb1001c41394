package io.coreswarm.cli.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.replica.ReplicaApi;

/**
 * Any service's live replicas, through the shared contract: every service serves the same
 * {@code GET /v1/replicas}, so one client interface serves all three (its base URL chooses).
 */
@RegisterRestClient
public interface ServiceReplicas extends ReplicaApi {
}
