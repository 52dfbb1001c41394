package io.coreswarm.monitor.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.api.health.HealthStatus;
import io.coreswarm.api.health.Quorum;
import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.api.health.SwarmNodeHealth;
import io.coreswarm.api.health.WorkloadReport;
import io.coreswarm.monitor.docker.EngineReport;
import io.coreswarm.monitor.docker.NodeReachability;
import io.coreswarm.monitor.docker.NodeRole;
import io.coreswarm.monitor.docker.SwarmObservation;
import io.coreswarm.monitor.etcd.EtcdObservation;

/**
 * Judges one poll. Each watched part (etcd, swarm) is HEALTHY, DEGRADED (something down, quorum
 * holds) or DOWN (quorum lost, no leader, or no endpoint of it answers); the cluster takes the
 * worst. When nothing answers at all, the cluster is UNKNOWN: a monitor that cannot reach a
 * cluster cannot tell a dead one from a cut-off one.
 */
public final class HealthRules {
    private HealthRules() {
    }

    public static ClusterHealth judge(String cluster, EtcdObservation etcd, SwarmObservation swarm, Instant checkedAt) {
        return judge(cluster, etcd, swarm, null, checkedAt);
    }

    /**
     * As above, plus the cluster's last workload check as its provisioner reported it: a failed one
     * makes a cluster that would be HEALTHY DEGRADED, naming the nodes where nothing can start
     * (a cluster that answers but runs nothing is not healthy).
     */
    public static ClusterHealth judge(String cluster, EtcdObservation etcd, SwarmObservation swarm, WorkloadReport workloads,
            Instant checkedAt) {
        Verdict verdict = new Verdict();
        boolean etcdSilent = etcd.watched() && !etcd.answered();
        boolean swarmSilent = swarm.watched() && !swarm.answered();
        boolean nothingAnswers = (!etcd.watched() || etcdSilent) && (!swarm.watched() || swarmSilent);

        Quorum etcdQuorum = null;
        if (etcdSilent) {
            verdict.down("etcd: no endpoint answers (" + etcd.error() + ")");
        } else if (etcd.answered()) {
            etcdQuorum = judgeEtcd(etcd, verdict);
        }
        Quorum managers = null;
        if (swarmSilent) {
            verdict.down("docker: no endpoint answers (" + swarm.silence() + ")");
        } else if (swarm.watched()) {
            managers = judgeSwarm(swarm, verdict);
        }
        if (!nothingAnswers && workloads != null) {
            judgeWorkloads(workloads, verdict);
        }
        HealthStatus status = nothingAnswers ? HealthStatus.UNKNOWN : verdict.status;
        List<String> reasons = nothingAnswers && verdict.reasons.isEmpty()
                ? List.of("nothing to watch: the target lists no endpoints") : List.copyOf(verdict.reasons);
        return new ClusterHealth(cluster, status, reasons, checkedAt,
                etcdQuorum, etcd.leader(), etcd.members(),
                swarm.flavour(), managers, swarm.leader(), swarm.nodes(), workloads);
    }

    /** A failed workload check: DEGRADED, naming each failing node and why. */
    static void judgeWorkloads(WorkloadReport workloads, Verdict verdict) {
        if (workloads.ok()) {
            return;
        }
        if (workloads.failing().isEmpty()) {
            verdict.degraded("workloads: the last check (" + workloads.checkedAt() + ") failed");
        }
        for (WorkloadReport.FailingNode node : workloads.failing()) {
            verdict.degraded("workloads do not run on " + node.node() + " (check at " + workloads.checkedAt() + ")"
                    + (node.detail() == null || node.detail().isBlank() ? "" : ": " + node.detail()));
        }
    }

    /** Majority arithmetic over the members the cluster lists (learners do not vote). */
    static Quorum judgeEtcd(EtcdObservation etcd, Verdict verdict) {
        List<EtcdMemberHealth> voters = etcd.members().stream().filter(m -> !m.learner()).toList();
        Quorum quorum = Quorum.of(voters.size(), (int) voters.stream().filter(EtcdMemberHealth::reachable).count());
        for (EtcdMemberHealth m : etcd.members()) {
            if (!m.reachable()) {
                verdict.degraded("etcd member " + m.name() + " unreachable");
            } else if (m.error() != null) {
                verdict.degraded("etcd member " + m.name() + ": " + m.error());
            }
            for (String alarm : m.alarms()) {
                verdict.degraded("etcd member " + m.name() + " alarm " + alarm);
            }
        }
        if (!quorum.held()) {
            verdict.down("etcd members " + quorum.up() + " of " + quorum.members() + " up: quorum lost");
        }
        if (etcd.leader() == null) {
            verdict.down("no etcd leader");
        }
        return quorum;
    }

    /**
     * Swarm mode: every node must be ready, and a majority of managers reachable with a leader.
     * When no manager could list the nodes (a manager without quorum refuses to), the managers
     * that answered among the endpoints are counted against the count the engines declare.
     * Classic: every engine must be healthy; there is no raft among classic managers.
     */
    static Quorum judgeSwarm(SwarmObservation swarm, Verdict verdict) {
        swarm.problems().forEach(verdict::down);
        // an engine that stops answering is known at once; the swarm notices a node down only after its heartbeats
        for (EngineReport engine : swarm.engines()) {
            if (!engine.answered()) {
                String node = swarm.nodes().stream().filter(n -> engine.address().startsWith(n.address() + ":"))
                        .map(n -> "swarm node " + n.hostname() + ": ").findFirst().orElse("");
                verdict.degraded(node + "docker endpoint " + engine.endpoint() + " unreachable (" + engine.error() + ")");
            }
        }
        if (swarm.nodes().isEmpty()) {
            if (swarm.flavour() == SwarmFlavour.MODE && swarm.managersDeclared() != null) {
                Quorum quorum = Quorum.of(swarm.managersDeclared(), swarm.managersAnswering());
                if (!quorum.held()) {
                    verdict.down("swarm managers " + quorum.up() + " of " + quorum.members() + ": quorum lost");
                }
                return quorum;
            }
            return null;
        }
        for (SwarmNodeHealth n : swarm.nodes()) {
            if (!n.up()) {
                verdict.degraded("swarm node " + n.hostname() + " " + n.state());
            } else if (NodeReachability.UNREACHABLE.is(n.reachability())) {
                verdict.degraded("swarm manager " + n.hostname() + " unreachable");
            }
        }
        if (swarm.flavour() == SwarmFlavour.CLASSIC) {
            if (swarm.nodes().stream().noneMatch(SwarmNodeHealth::up)) {
                verdict.down("no healthy swarm node");
            }
            return null;
        }
        List<SwarmNodeHealth> managers = swarm.nodes().stream().filter(n -> NodeRole.MANAGER.is(n.role())).toList();
        Quorum quorum = Quorum.of(managers.size(), (int) managers.stream().filter(n -> NodeReachability.REACHABLE.is(n.reachability())).count());
        if (!quorum.held()) {
            verdict.down("swarm managers " + quorum.up() + " of " + quorum.members() + ": quorum lost");
        }
        if (swarm.leader() == null) {
            verdict.down("no swarm leader");
        }
        return quorum;
    }

    /** The worst status seen so far and every reason, in the order found. */
    static final class Verdict {
        HealthStatus status = HealthStatus.HEALTHY;
        final List<String> reasons = new ArrayList<>();

        void degraded(String reason) {
            reasons.add(reason);
            if (status == HealthStatus.HEALTHY) {
                status = HealthStatus.DEGRADED;
            }
        }

        void down(String reason) {
            reasons.add(reason);
            status = HealthStatus.DOWN;
        }
    }
}
