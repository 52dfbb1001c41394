package io.coreswarm.provisioner.cluster;

import java.util.List;

import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.etcd.EtcdMembership;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Parallel;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.swarm.SwarmFormation;

/**
 * Create and scale-up: while Vagrant starts the machines, etcd bootstraps itself (through
 * discovery, or the join files of added nodes) and each node joins the swarm as soon as its
 * dockerd answers. Where a person waits for one thing after another, nothing waits here; the
 * first failure stops the rest. A node counts as done when it is in the swarm, the last thing
 * that happens to it.
 *
 * @param cluster the cluster as it will be
 * @param nodes   the nodes to start (all of them for a create, the added ones for a scale-up)
 */
record FormCluster(String name, Machines machines, EtcdMembership etcd, SwarmFormation swarm,
        ClusterRecord cluster, List<NodeAddress> nodes) implements Step {

    @Override
    public void run(OperationContext op) throws Exception {
        Parallel.all(
                o -> machines.up(o, cluster, nodes, started -> { }),
                o -> etcd.awaitMembers(o, cluster, cluster.nodes()),
                o -> swarm.join(o, cluster, nodes, joined -> o.nodeDone())).run(op);
    }
}
