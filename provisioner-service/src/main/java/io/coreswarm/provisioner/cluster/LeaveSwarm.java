package io.coreswarm.provisioner.cluster;

import java.util.List;

import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.swarm.SwarmFormation;

/** Scale-down: each removed node demoted if a manager, drained, made to leave and removed from the node list, one at a time. */
record LeaveSwarm(SwarmFormation swarm, ClusterRecord current, List<NodeAddress> removed) implements Step {

    @Override
    public String name() {
        return "leave swarm";
    }

    @Override
    public void run(OperationContext op) throws Exception {
        for (NodeAddress node : removed) {
            swarm.remove(op, current, node);
            op.nodeDone();
        }
    }
}
