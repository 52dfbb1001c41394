package io.coreswarm.cli.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.validation.CloudConfigValidationApi;

/** config-service's cloud-config validation, through the shared contract. */
@RegisterRestClient(configKey = "config")
public interface ConfigValidations extends CloudConfigValidationApi {
}
