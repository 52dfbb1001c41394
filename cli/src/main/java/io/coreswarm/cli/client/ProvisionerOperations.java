package io.coreswarm.cli.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.operation.OperationApi;

/** provisioner-service's operations, through the shared contract. */
@RegisterRestClient(configKey = "provisioner")
public interface ProvisionerOperations extends OperationApi {
}
