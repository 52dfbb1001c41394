package io.coreswarm.provisioner.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.health.WorkloadReport;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;

/**
 * The workload check of a cluster, as the last step of a create, a resume and a scale-up and on
 * demand: reads every node's capabilities, runs the {@link WorkloadCheck}, writes each resulting
 * condition to the operation's log and returns them with the per-node results. The caller keeps
 * them on the cluster and fails the operation, naming the nodes, when workloads do not run.
 */
@ApplicationScoped
public class Workloads {
    /** At most this much of a node's detail goes to monitor-service. */
    private static final int DETAIL_MAX = 4000;

    /** A check's outcome: capability conditions, then WorkloadsReady (its message with the time and each node's detail). */
    public record LastCheck(Instant at, boolean ok, List<Condition> conditions, List<WorkloadCheck.NodeResult> nodes, String failure) {

        /** What monitor-service is told. */
        public WorkloadReport report() {
            return new WorkloadReport(at, ok, nodes.stream().filter(n -> !n.ok())
                    .map(n -> new WorkloadReport.FailingNode(n.node(), n.detail().length() > DETAIL_MAX
                            ? n.detail().substring(0, DETAIL_MAX) + "..." : n.detail()))
                    .toList(), conditions);
        }
    }

    private final Duration timeout;

    Workloads(@ConfigProperty(name = "coreswarm.workloads.check-timeout", defaultValue = "90s") Duration timeout) {
        this.timeout = timeout;
    }

    public LastCheck check(OperationContext op, ClusterRecord c) throws Exception {
        String manager = c.dockerHost(c.nodes().get(0).name());
        List<Condition> conditions = new ArrayList<>();
        try {
            conditions.addAll(Capabilities.conditions(Capabilities.read(manager, c.clientTls()), Instant.now()));
        } catch (Exception e) {
            op.log("capabilities: cannot read the nodes' engine labels: " + e.getMessage());
        }
        Map<String, String> nodeHosts = new LinkedHashMap<>();
        for (NodeAddress node : c.nodes()) {
            nodeHosts.put(node.name(), c.dockerHost(node.name()));
        }
        WorkloadCheck.Result result = new WorkloadCheck(timeout, op::log, op::throwIfCancelled, c.clientTls()).run(manager, nodeHosts);
        Instant at = Instant.now();
        conditions.add(withDetail(result, at));
        for (WorkloadCheck.NodeResult node : result.nodes()) {
            op.log("workload check: " + node.node() + (node.ok() ? " ok: " : " FAILED: ") + node.detail());
        }
        for (Condition condition : conditions) {
            op.log("condition " + condition.type() + "=" + condition.status() + " (" + condition.reason() + "): " + condition.message());
        }
        return new LastCheck(at, result.ok(), List.copyOf(conditions), result.nodes(),
                result.ok() ? null : result.condition().message());
    }

    /** WorkloadsReady with the check's time and, when it passed, each node's line (a failure already names each failing node). */
    private static Condition withDetail(WorkloadCheck.Result result, Instant at) {
        Condition c = result.condition();
        String nodes = result.ok()
                ? "; " + String.join("; ", result.nodes().stream().map(n -> n.node() + ": " + n.detail()).toList())
                : "";
        return new Condition(c.type(), c.status(), c.reason(), "checked at " + at + ": " + c.message() + nodes, at);
    }
}
