package io.coreswarm.provisioner.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.health.TargetApi;

/** monitor-service's targets, through the shared contract, with the API token. */
@RegisterClientHeaders(ApiTokenHeaders.class)
@RegisterRestClient(configKey = "monitor-service")
public interface MonitorClient extends TargetApi {
}
