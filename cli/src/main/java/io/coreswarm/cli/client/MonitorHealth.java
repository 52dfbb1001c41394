package io.coreswarm.cli.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.coreswarm.api.health.ClusterHealthApi;

/** monitor-service's health, info and events, through the shared contract. */
@RegisterRestClient(configKey = "monitor")
public interface MonitorHealth extends ClusterHealthApi {
}
