package io.coreswarm.provisioner.cluster;

import java.time.Instant;
import java.util.List;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationCancelled;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.workload.WorkloadCheck;
import io.coreswarm.provisioner.workload.Workloads;

/**
 * A step of a create, a resume and a scale-up, and the whole of a check on demand: "ready" means
 * workloads run on every node. In a create and a scale-up it comes right after formation, followed
 * only by the wait for the promoted managers (reachable while it runs) and the monitor registration;
 * in a resume it is last. The result lands on the cluster (its capability conditions and
 * WorkloadsReady, merged by type, kept in cluster.json) and is told to monitor-service; then the
 * operation fails, naming the nodes, when workloads do not run.
 */
record CheckWorkloads(Workloads workloads, Clusters clusters, MonitorRegistration monitor, ClusterRecord cluster) implements Step {

    @Override
    public String name() {
        return "check workloads";
    }

    @Override
    public void run(OperationContext op) throws Exception {
        Workloads.LastCheck check;
        try {
            check = workloads.check(op, cluster);
        } catch (OperationCancelled e) {
            throw e;
        } catch (Exception e) {
            // the check itself could not run (e.g. no manager answers): what was known is no longer
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            clusters.updateIfPresent(cluster.name(), c -> c.withConditions(List.of(
                    new Condition(WorkloadCheck.TYPE, "Unknown", "CheckNotRun", "the workload check could not run: " + why, Instant.now()))));
            throw e;
        }
        clusters.updateIfPresent(cluster.name(), c -> c.withWorkloads(check.report()))
                .ifPresent(monitor::register);
        if (!check.ok()) {
            throw new IllegalStateException(check.failure());
        }
    }
}
