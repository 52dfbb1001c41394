package io.coreswarm.cli.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.render.RenderingApi;

/** config-service's renderings, through the shared contract. */
@RegisterRestClient(configKey = "config")
public interface ConfigRenderings extends RenderingApi {
}
