package io.coreswarm.provisioner.cluster;

import java.util.List;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.etcd.EtcdMembership;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.workspace.Workspace;

/**
 * Scale-up: announces each added node to etcd ({@code member add}; discovery, sized once, cannot)
 * and writes the {@code --initial-cluster} it must start with into its join file, which the node
 * reads when it starts. A node counts as done once announced.
 */
record AnnounceEtcdMembers(EtcdMembership etcd, Workspace workspace, ClusterRecord current, List<NodeAddress> added)
        implements Step {

    @Override
    public String name() {
        return "announce etcd members";
    }

    @Override
    public void run(OperationContext op) throws Exception {
        for (NodeAddress node : added) {
            Workspace.writeAtomically(workspace.machines().resolve(NodeLayout.etcdJoinFile(node.name())), etcd.add(op, current, node));
            op.nodeDone();
        }
    }
}
