package io.coreswarm.provisioner.cluster;

import java.nio.file.Files;
import java.util.List;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.etcd.EtcdMembership;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.workspace.Workspace;

/** Scale-down: each removed node's etcd member removed ({@code member remove}), and its join file with it. */
record RemoveEtcdMembers(EtcdMembership etcd, Workspace workspace, ClusterRecord current, List<NodeAddress> removed)
        implements Step {

    @Override
    public String name() {
        return "remove etcd members";
    }

    @Override
    public void run(OperationContext op) throws Exception {
        for (NodeAddress node : removed) {
            etcd.remove(op, current, node);
            Files.deleteIfExists(workspace.machines().resolve(NodeLayout.etcdJoinFile(node.name())));
            op.nodeDone();
        }
    }
}
