/**
 * What the provisioner keeps of a cluster ({@code ClusterRecord}: spec, discovery URL, subnet,
 * nodes, phase, conditions, current operation, each machine's last confirmed state). Plain values,
 * read by the cluster package and by the etcd and swarm steps alike.
 */
package io.coreswarm.provisioner.model;
