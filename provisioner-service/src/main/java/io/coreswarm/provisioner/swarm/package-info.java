/**
 * Swarm mode on a cluster's nodes through docker-java: init, join, promotion, readiness, removal.
 */
package io.coreswarm.provisioner.swarm;
