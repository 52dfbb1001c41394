package io.coreswarm.provisioner.cluster;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.operation.OperationKind;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.etcd.EtcdMembership;
import io.coreswarm.provisioner.operation.Parallel;
import io.coreswarm.provisioner.operation.Plan;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.swarm.SwarmFormation;
import io.coreswarm.provisioner.workload.Workloads;
import io.coreswarm.provisioner.workspace.Workspace;

/**
 * Each lifecycle operation as a sequence of small named steps (kind's way of creating a cluster).
 * Rendering happens before a plan is made, so that config-service trouble is an immediate error.
 */
@ApplicationScoped
public class ClusterLifecycle {
    private final Clusters clusters;
    private final Machines machines;
    private final EtcdMembership etcd;
    private final SwarmFormation swarm;
    private final MonitorRegistration monitor;
    private final Workloads workloads;

    ClusterLifecycle(Clusters clusters, Machines machines, EtcdMembership etcd, SwarmFormation swarm, MonitorRegistration monitor,
            Workloads workloads) {
        this.clusters = clusters;
        this.machines = machines;
        this.etcd = etcd;
        this.swarm = swarm;
        this.monitor = monitor;
        this.workloads = workloads;
    }

    public Plan create(ClusterRecord c) {
        List<NodeAddress> all = c.nodes();
        return new Plan(OperationKind.CREATE, all.size(), ClusterPhase.PROVISIONING, ClusterPhase.RUNNING, List.of(
                // while Vagrant starts the machines, etcd bootstraps itself through discovery and
                // each node joins the swarm as soon as its dockerd answers: where a person waits
                // for one thing after another, nothing waits here
                Step.of("start machines, form etcd and swarm", Parallel.all(
                        op -> machines.up(op, c, all, false),
                        op -> etcd.awaitMembers(op, c, all),
                        op -> swarm.join(op, c, all))),
                Step.of("wait for swarm", op -> swarm.awaitReady(op, c)),
                Step.of("register with monitor", op -> monitor.register(c)),
                Step.of("check workloads", op -> workloads.check(op, c))));
    }

    /** @param scaled the record as it will be, rendered for the new node count */
    public Plan scale(ClusterRecord current, ClusterRecord scaled, Rendering rendering) {
        Workspace w = clusters.workspace(current.name());
        if (scaled.nodes().size() > current.nodes().size()) {
            List<NodeAddress> added = scaled.nodes().subList(current.nodes().size(), scaled.nodes().size());
            return new Plan(OperationKind.SCALE, added.size(), ClusterPhase.PROVISIONING, ClusterPhase.RUNNING, List.of(
                    Step.of("render files", op -> save(w, scaled, rendering)),
                    Step.of("announce etcd members", op -> {
                        for (NodeAddress node : added) {
                            Workspace.writeAtomically(w.machines().resolve("node/etcd-join/" + node.name()), etcd.add(op, current, node));
                            op.nodeDone();
                        }
                    }),
                    Step.of("start machines, join etcd and swarm", Parallel.all(
                            op -> machines.up(op, scaled, added, false),
                            op -> etcd.awaitMembers(op, scaled, scaled.nodes()),
                            op -> swarm.join(op, scaled, added))),
                    Step.of("wait for swarm", op -> swarm.awaitReady(op, scaled)),
                    Step.of("register with monitor", op -> monitor.register(scaled)),
                    Step.of("check workloads", op -> workloads.check(op, scaled))));
        }
        List<NodeAddress> removed = current.nodes().subList(scaled.nodes().size(), current.nodes().size()).stream()
                .sorted(Comparator.comparing(NodeAddress::name).reversed()).toList();
        return new Plan(OperationKind.SCALE, removed.size(), ClusterPhase.PROVISIONING, ClusterPhase.RUNNING, List.of(
                Step.of("leave swarm", op -> {
                    for (NodeAddress node : removed) {
                        swarm.remove(op, current, node);
                        op.nodeDone();
                    }
                }),
                Step.of("remove etcd members", op -> {
                    for (NodeAddress node : removed) {
                        etcd.remove(op, current, node);
                        java.nio.file.Files.deleteIfExists(w.machines().resolve("node/etcd-join/" + node.name()));
                        op.nodeDone();
                    }
                }),
                Step.of("destroy machines", op -> machines.destroy(op, removed)),
                Step.of("render files", op -> save(w, scaled, rendering)),
                Step.of("wait for swarm", op -> swarm.awaitReady(op, scaled)),
                Step.of("register with monitor", op -> monitor.register(scaled))));
    }

    public Plan halt(ClusterRecord c) {
        return new Plan(OperationKind.HALT, c.nodes().size(), c.phase(), ClusterPhase.HALTED, List.of(
                Step.of("stop machines", machines::halt)));
    }

    public Plan resume(ClusterRecord c) {
        List<NodeAddress> all = c.nodes();
        return new Plan(OperationKind.RESUME, all.size(), ClusterPhase.PROVISIONING, ClusterPhase.RUNNING, List.of(
                Step.of("start machines", op -> machines.up(op, c, all, true)),
                Step.of("wait for etcd and swarm", Parallel.all(
                        op -> etcd.awaitMembers(op, c, all),
                        op -> swarm.awaitReady(op, c))),
                Step.of("check workloads", op -> workloads.check(op, c))));
    }

    public Plan destroy(ClusterRecord c) {
        return new Plan(OperationKind.DESTROY, c.nodes().size(), ClusterPhase.DELETING, null, List.of(
                Step.of("unregister from monitor", op -> monitor.unregister(c.name())),
                Step.of("destroy machines", op -> machines.destroy(op, List.of())),
                Step.of("remove workspace", op -> clusters.remove(c.name()))));
    }

    private void save(Workspace w, ClusterRecord scaled, Rendering rendering) {
        w.writeRendering(rendering.files());
        clusters.update(scaled.name(), c -> scaled.withOperation(c.currentOperation()).withPhase(c.phase(), c.conditions()));
    }
}
