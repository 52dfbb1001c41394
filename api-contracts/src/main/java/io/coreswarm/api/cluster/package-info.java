/**
 * provisioner-service's cluster lifecycle contract: a cluster, its nodes, phases and conditions, and the requests that change it.
 */
package io.coreswarm.api.cluster;
