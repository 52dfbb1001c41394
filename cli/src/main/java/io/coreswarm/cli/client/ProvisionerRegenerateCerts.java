package io.coreswarm.cli.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.cluster.ClusterRegenerateCertsApi;

/** provisioner-service's regenerate-certs operation, through the shared contract. */
@RegisterRestClient(configKey = "provisioner")
public interface ProvisionerRegenerateCerts extends ClusterRegenerateCertsApi {
}
