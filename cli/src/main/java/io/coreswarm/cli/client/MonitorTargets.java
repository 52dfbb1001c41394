package io.coreswarm.cli.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.health.TargetApi;

/** monitor-service's watched clusters, through the shared contract. */
@RegisterRestClient(configKey = "monitor")
public interface MonitorTargets extends TargetApi {
}
