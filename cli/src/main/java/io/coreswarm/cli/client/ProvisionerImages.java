package io.coreswarm.cli.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.cluster.ClusterImagesApi;

/** provisioner-service's image loading, through the shared contract. */
@RegisterRestClient(configKey = "provisioner")
public interface ProvisionerImages extends ClusterImagesApi {
}
