package io.coreswarm.provisioner.cluster;

import java.util.List;

import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;

/**
 * Scale-down and destroy: {@code vagrant destroy -f} of the given machines (every machine when
 * none is given); a node counts as done when its container is deleted.
 */
record DestroyMachines(Machines machines, List<NodeAddress> nodes) implements Step {

    @Override
    public String name() {
        return "destroy machines";
    }

    @Override
    public void run(OperationContext op) {
        machines.destroy(op, nodes, deleted -> op.nodeDone());
    }
}
