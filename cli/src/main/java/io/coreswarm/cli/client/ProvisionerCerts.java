package io.coreswarm.cli.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.cluster.ClusterCertsApi;

/** provisioner-service's client certificates of TLS clusters (a tar), through the shared contract. */
@RegisterRestClient(configKey = "provisioner")
public interface ProvisionerCerts extends ClusterCertsApi {
}
