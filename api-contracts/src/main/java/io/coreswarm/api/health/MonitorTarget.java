package io.coreswarm.api.health;

import java.util.List;

/**
 * A cluster to watch, built by coreswarm or not.
 *
 * @param swarm   {@code mode} (Swarm mode) or {@code classic} (the seed's swarm manager)
 * @param etcdApi {@code v3} (jetcd) or {@code v2} (the seed's etcd2, over HTTP)
 */
public record MonitorTarget(String name, List<String> dockerEndpoints, List<String> etcdEndpoints, String swarm, String etcdApi) {
}
