/**
 * Several provisioner replicas over one etcd ({@code coreswarm.store=etcd}): each owns the clusters
 * it created (their workspaces are on its host); a request to a replica for a cluster, or an
 * operation, another live replica owns is forwarded to the owner ({@link OwnerForwarding}); an owner
 * that is gone is named in a 503 problem.
 */
package io.coreswarm.provisioner.replica;
