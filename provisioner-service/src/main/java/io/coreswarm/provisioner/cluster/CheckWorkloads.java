package io.coreswarm.provisioner.cluster;

import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.workload.Workloads;

/**
 * The last step of a create, a resume and a scale-up: "ready" means workloads run on every node,
 * so the operation fails, naming the nodes, when they do not.
 */
record CheckWorkloads(Workloads workloads, ClusterRecord cluster) implements Step {

    @Override
    public String name() {
        return "check workloads";
    }

    @Override
    public void run(OperationContext op) throws Exception {
        workloads.check(op, cluster);
    }
}
