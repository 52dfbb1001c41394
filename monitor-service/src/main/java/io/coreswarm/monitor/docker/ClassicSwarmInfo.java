package io.coreswarm.monitor.docker;

import java.util.List;

/**
 * What a classic swarm manager says of its cluster in {@code docker info}.
 *
 * @param role    primary or replica (null before swarm 1.1, which had no replication)
 * @param primary the primary's address, as a replica reports it
 * @param nodes   the engines, in the manager's order
 */
public record ClassicSwarmInfo(String role, String primary, String strategy, String filters, Integer declaredNodes,
        List<ClassicNode> nodes) {
}
