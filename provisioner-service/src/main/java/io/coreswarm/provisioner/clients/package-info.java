/**
 * REST clients of the services the provisioner calls, config-service and monitor-service, on the
 * shared contract; both send the API token (ApiTokenHeaders). (Docker engines are reached through the shared docker-client module.)
 */
package io.coreswarm.provisioner.clients;
