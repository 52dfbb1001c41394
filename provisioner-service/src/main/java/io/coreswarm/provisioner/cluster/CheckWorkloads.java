package io.coreswarm.provisioner.cluster;

import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.workload.Workloads;

/**
 * The last step of a resume, and of a create and a scale-up but for the wait for the swarm's
 * managers and the monitor registration: "ready" means workloads run on every node, so the operation fails,
 * naming the nodes, when they do not; it never ends successfully before this step has passed.
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
