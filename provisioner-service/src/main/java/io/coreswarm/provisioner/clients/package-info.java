/**
 * Clients of what the provisioner talks to: config-service and monitor-service (REST clients on
 * the shared contract) and dockerd (docker-java).
 */
package io.coreswarm.provisioner.clients;
