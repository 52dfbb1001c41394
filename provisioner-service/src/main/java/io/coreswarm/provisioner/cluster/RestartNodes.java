package io.coreswarm.provisioner.cluster;

import java.util.List;

import com.github.dockerjava.api.DockerClient;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.provisioner.etcd.EtcdMembership;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.swarm.SwarmFormation;

/**
 * regenerate-certs: restarts each node container through the host's dockerd, so that its
 * {@code start.sh} starts dockerd and etcd again with the files now in its certificate folder
 * (both read them only at start; etcd keeps its data dir, the swarm its state in the node's
 * volume, as after a halt and resume). With the same CA, node by node, each back in etcd and the
 * swarm before the next goes: quorum is kept and the peers trust each other throughout. With a
 * new CA, all at once: old and new certificates do not trust each other. A node counts as done
 * once restarted.
 */
record RestartNodes(String dockerHost, EtcdMembership etcd, SwarmFormation swarm, ClusterRecord cluster, boolean allAtOnce)
        implements Step {
    /** seconds dockerd gives a node's start.sh before it kills it (as {@code docker restart}'s default) */
    static final int STOP_SECONDS = 10;

    @Override
    public String name() {
        return allAtOnce ? "restart every node at once (new CA)" : "restart nodes one by one";
    }

    @Override
    public void run(OperationContext op) throws Exception {
        List<NodeAddress> nodes = cluster.nodes();
        try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, null)) {
            if (allAtOnce) {
                for (NodeAddress node : nodes) {
                    restart(op, docker, node);
                }
                return;
            }
            for (NodeAddress node : nodes) {
                restart(op, docker, node);
                etcd.awaitMembers(op, cluster, nodes);
                swarm.awaitReady(op, cluster);
            }
        }
    }

    private void restart(OperationContext op, DockerClient docker, NodeAddress node) {
        op.throwIfCancelled();
        String container = NodeLayout.containerName(cluster.name(), node.name());
        op.log("docker restart " + container);
        docker.restartContainerCmd(container).withTimeout(STOP_SECONDS).exec();
        op.nodeDone();
    }
}
