package io.coreswarm.api.cluster;

/**
 * A machine of a cluster.
 *
 * @param state     Vagrant's state id: running, stopped, not_created, poweroff, ...
 * @param swarmRole manager, worker, or none while the node is outside the swarm
 */
public record ClusterNode(String name, String state, String address, String swarmRole) {
}
