package io.coreswarm.cli.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.cluster.ClusterApi;

/** provisioner-service's clusters, through the shared contract. */
@RegisterRestClient(configKey = "provisioner")
public interface ProvisionerClusters extends ClusterApi {
}
