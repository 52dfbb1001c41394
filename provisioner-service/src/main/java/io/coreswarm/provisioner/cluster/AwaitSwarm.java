package io.coreswarm.provisioner.cluster;

import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.swarm.SwarmFormation;

/** Waits until the swarm lists exactly the cluster's nodes, all Ready, and its managers all reachable. */
record AwaitSwarm(SwarmFormation swarm, ClusterRecord cluster) implements Step {

    @Override
    public String name() {
        return "wait for swarm";
    }

    @Override
    public void run(OperationContext op) {
        swarm.awaitReady(op, cluster);
    }
}
