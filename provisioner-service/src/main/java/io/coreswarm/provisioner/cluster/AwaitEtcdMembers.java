package io.coreswarm.provisioner.cluster;

import io.coreswarm.provisioner.etcd.EtcdMembership;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;

/** Waits until etcd's members are exactly the cluster's nodes, all started and answering. */
record AwaitEtcdMembers(EtcdMembership etcd, ClusterRecord cluster) implements Step {

    @Override
    public String name() {
        return "wait for etcd";
    }

    @Override
    public void run(OperationContext op) {
        etcd.awaitMembers(op, cluster, cluster.nodes());
    }
}
