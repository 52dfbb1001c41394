package io.coreswarm.provisioner.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;

/**
 * The last step of a create, a resume and a scale-up: "ready" means workloads run. Reads every
 * node's capabilities, runs the {@link WorkloadCheck}, writes each resulting condition to the
 * operation's log, keeps them as the cluster's last check, and fails the operation, naming the
 * nodes, when workloads do not run.
 */
@ApplicationScoped
public class Workloads {
    /** Conditions of a cluster's last check: capabilities, then WorkloadsReady. */
    public record LastCheck(Instant at, List<Condition> conditions, List<WorkloadCheck.NodeResult> nodes) {
    }

    private final Duration timeout;
    private final Map<String, LastCheck> last = new ConcurrentHashMap<>();

    Workloads(@ConfigProperty(name = "coreswarm.workloads.check-timeout", defaultValue = "90s") Duration timeout) {
        this.timeout = timeout;
    }

    public void check(OperationContext op, ClusterRecord c) throws Exception {
        String manager = c.dockerHost(c.nodes().get(0).name());
        List<Condition> conditions = new ArrayList<>();
        try {
            conditions.addAll(Capabilities.conditions(Capabilities.read(manager), Instant.now()));
        } catch (Exception e) {
            op.log("capabilities: cannot read the nodes' engine labels: " + e.getMessage());
        }
        Map<String, String> nodeHosts = new LinkedHashMap<>();
        for (NodeAddress node : c.nodes()) {
            nodeHosts.put(node.name(), c.dockerHost(node.name()));
        }
        WorkloadCheck.Result result = new WorkloadCheck(timeout, op::log, op::throwIfCancelled).run(manager, nodeHosts);
        conditions.add(result.condition());
        for (WorkloadCheck.NodeResult node : result.nodes()) {
            op.log("workload check: " + node.node() + (node.ok() ? " ok: " : " FAILED: ") + node.detail());
        }
        for (Condition condition : conditions) {
            op.log("condition " + condition.type() + "=" + condition.status() + " (" + condition.reason() + "): " + condition.message());
        }
        last.put(c.name(), new LastCheck(Instant.now(), List.copyOf(conditions), result.nodes()));
        if (!result.ok()) {
            throw new IllegalStateException(result.condition().message());
        }
    }

    /** The conditions of a cluster's last check, for the cluster's view. */
    public Optional<LastCheck> last(String cluster) {
        return Optional.ofNullable(last.get(cluster));
    }
}
