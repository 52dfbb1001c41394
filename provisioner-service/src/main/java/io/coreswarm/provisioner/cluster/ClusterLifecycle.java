package io.coreswarm.provisioner.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.operation.OperationKind;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.provisioner.ProvisionerConfig;
import io.coreswarm.provisioner.etcd.EtcdMembership;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.Plan;
import io.coreswarm.provisioner.operation.Step;
import io.coreswarm.provisioner.swarm.SwarmFormation;
import io.coreswarm.provisioner.workload.Workloads;
import io.coreswarm.provisioner.workspace.Workspace;

/**
 * Each lifecycle operation as a sequence of small named steps (kind's way of creating a cluster):
 * each step is a class that owns its work and counts its own progress. Rendering happens before a
 * plan is made, so that config-service trouble is an immediate error.
 */
@ApplicationScoped
public class ClusterLifecycle {
    private final Clusters clusters;
    private final Machines machines;
    private final EtcdMembership etcd;
    private final SwarmFormation swarm;
    private final MonitorRegistration monitor;
    private final Workloads workloads;
    private final ClusterImages images;
    private final ProvisionerConfig config;
    private final ClusterCertificates certificates;

    ClusterLifecycle(Clusters clusters, Machines machines, EtcdMembership etcd, SwarmFormation swarm, MonitorRegistration monitor,
            Workloads workloads, ClusterImages images, ProvisionerConfig config, ClusterCertificates certificates) {
        this.clusters = clusters;
        this.machines = machines;
        this.etcd = etcd;
        this.swarm = swarm;
        this.monitor = monitor;
        this.workloads = workloads;
        this.images = images;
        this.config = config;
        this.certificates = certificates;
    }

    /**
     * The workload check comes right after formation, before the wait for the swarm: it needs
     * every node in the swarm and Ready (its global service waits for a task on each), not the
     * promoted managers reachable, which took them another 1.1-1.6 s after their promotion; by the
     * time the check has passed (2.6-2.9 s, as long as it took after the wait) they are, and the
     * wait for the swarm takes 20-50 ms: 1.1-1.6 s off a 3-node create (benchmarks/create-to-workloads).
     */
    public Plan create(ClusterRecord c) {
        return new Plan(OperationKind.CREATE, c.nodes().size(), ClusterPhase.PROVISIONING, ClusterPhase.RUNNING, List.of(
                issueCertificates(c, c.nodes()),
                new FormCluster("start machines, form etcd and swarm", machines, etcd, swarm, c, c.nodes()),
                checkWorkloads(c),
                new AwaitSwarm(swarm, c),
                registerWithMonitor(c)));
    }

    /** @param scaled the record as it will be, rendered for the new node count */
    public Plan scale(ClusterRecord current, ClusterRecord scaled, Rendering rendering) {
        Workspace w = clusters.workspace(current.name());
        if (scaled.nodes().size() > current.nodes().size()) {
            List<NodeAddress> added = scaled.nodes().subList(current.nodes().size(), scaled.nodes().size());
            return new Plan(OperationKind.SCALE, added.size(), ClusterPhase.PROVISIONING, ClusterPhase.RUNNING, List.of(
                    new RenderFiles(clusters, scaled, rendering),
                    issueCertificates(scaled, added),
                    new AnnounceEtcdMembers(etcd, w, current, added),
                    new FormCluster("start machines, join etcd and swarm", machines, etcd, swarm, scaled, added),
                    new LoadImages(images, scaled, added, null),
                    // as in create: the check needs the nodes in the swarm, not its managers reachable
                    checkWorkloads(scaled),
                    new AwaitSwarm(swarm, scaled),
                    registerWithMonitor(scaled)));
        }
        // the highest-numbered nodes go, last first
        List<NodeAddress> removed = current.nodes().subList(scaled.nodes().size(), current.nodes().size()).stream()
                .sorted(Comparator.comparing(NodeAddress::name).reversed()).toList();
        return new Plan(OperationKind.SCALE, removed.size(), ClusterPhase.PROVISIONING, ClusterPhase.RUNNING, List.of(
                new LeaveSwarm(swarm, current, removed),
                new RemoveEtcdMembers(etcd, w, current, removed),
                new DestroyMachines(machines, removed),
                Step.of("remove certificates", op -> certificates.remove(op, current, removed)),
                new RenderFiles(clusters, scaled, rendering),
                new AwaitSwarm(swarm, scaled),
                registerWithMonitor(scaled)));
    }

    public Plan halt(ClusterRecord c) {
        return new Plan(OperationKind.HALT, c.nodes().size(), c.phase(), ClusterPhase.HALTED, List.of(
                new HaltMachines(machines)));
    }

    public Plan resume(ClusterRecord c) {
        return new Plan(OperationKind.RESUME, c.nodes().size(), ClusterPhase.PROVISIONING, ClusterPhase.RUNNING, List.of(
                new StartMachines(machines, c),
                Step.allAtOnce("wait for etcd and swarm", new AwaitEtcdMembers(etcd, c), new AwaitSwarm(swarm, c)),
                checkWorkloads(c)));
    }

    /**
     * regenerate-certs: new node certificates (and CA and client with {@code newCa}), the nodes
     * restarted with them, then as a resume ends: etcd and the swarm awaited, workloads checked,
     * monitor-service told (it needs the new client files after a new CA).
     */
    public Plan regenerateCerts(ClusterRecord c, boolean newCa) {
        return new Plan(OperationKind.REGENERATE_CERTS, c.nodes().size(), ClusterPhase.PROVISIONING, ClusterPhase.RUNNING, List.of(
                Step.of("regenerate certificates", op -> certificates.regenerate(op, c, newCa)),
                new RestartNodes(config.dockerHost(), etcd, swarm, c, newCa),
                Step.allAtOnce("wait for etcd and swarm", new AwaitEtcdMembers(etcd, c), new AwaitSwarm(swarm, c)),
                checkWorkloads(c),
                registerWithMonitor(c)));
    }

    /** The workload check on demand: phase and Ready stay as they are. */
    public Plan check(ClusterRecord c) {
        return new Plan(OperationKind.CHECK, c.nodes().size(), c.phase(), c.phase(), List.of(checkWorkloads(c)));
    }

    /** A received archive into every node; kept for nodes added later when every node loaded it. */
    public Plan loadImages(ClusterRecord c, java.nio.file.Path upload) {
        return new Plan(OperationKind.LOAD_IMAGES, c.nodes().size(), c.phase(), c.phase(), List.of(
                new LoadImages(images, c, c.nodes(), upload)));
    }

    /**
     * On the docker provider, whatever carries the cluster's label on the host's dockerd goes after
     * {@code vagrant destroy}, even what Vagrant does not know (a create cancelled mid-way).
     */
    public Plan destroy(ClusterRecord c) {
        List<Step> steps = new ArrayList<>(List.of(
                Step.of("unregister from monitor", op -> monitor.unregister(c.name())),
                new DestroyMachines(machines, List.of())));
        if (c.spec().provider() == Provider.DOCKER) {
            steps.add(new RemoveLabelled(config.dockerHost(), c.name()));
        }
        steps.add(Step.of("remove workspace", op -> {
            clusters.remove(c.name());
            certificates.forget(c.name());
        }));
        return new Plan(OperationKind.DESTROY, c.nodes().size(), ClusterPhase.DELETING, null, steps);
    }

    /** Before the machines start: each node mounts its folder of the PKI (create: the CA and client certificate first). */
    private Step issueCertificates(ClusterRecord c, List<NodeAddress> nodes) {
        return Step.of("issue certificates", op -> certificates.issue(op, c, nodes));
    }

    private Step checkWorkloads(ClusterRecord c) {
        return new CheckWorkloads(workloads, clusters, monitor, c);
    }

    /** Registers the record as it is by then, with what the workload check found. */
    private Step registerWithMonitor(ClusterRecord c) {
        return Step.of("register with monitor", op -> monitor.register(clusters.find(c.name()).orElse(c)));
    }
}
