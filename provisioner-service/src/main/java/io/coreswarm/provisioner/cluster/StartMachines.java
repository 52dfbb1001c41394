package io.coreswarm.provisioner.cluster;

import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;

/** Resume: {@code vagrant up} of every machine; a node counts as done when its container starts. */
record StartMachines(Machines machines, ClusterRecord cluster) implements Step {

    @Override
    public String name() {
        return "start machines";
    }

    @Override
    public void run(OperationContext op) {
        machines.up(op, cluster, cluster.nodes(), started -> op.nodeDone());
    }
}
