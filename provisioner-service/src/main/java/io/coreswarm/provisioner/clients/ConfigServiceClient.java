package io.coreswarm.provisioner.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.render.RenderingApi;

/** config-service's renderings, through the shared contract, with the API token. */
@RegisterClientHeaders(ApiTokenHeaders.class)
@RegisterRestClient(configKey = "config-service")
public interface ConfigServiceClient extends RenderingApi {
}
