package io.coreswarm.monitor.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.github.dockerjava.api.model.Info;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.api.health.SwarmNodeHealth;
import io.coreswarm.api.health.WorkloadReport;
import io.coreswarm.monitor.docker.ClassicNode;
import io.coreswarm.monitor.docker.EngineReport;
import io.coreswarm.monitor.docker.NodeState;
import io.coreswarm.monitor.docker.Reservation;
import io.coreswarm.monitor.docker.SwarmObservation;

/**
 * The last poll as text in the shape of a classic swarm manager's {@code docker info} (the seed's
 * transcript): cluster totals, then {@code Nodes: N} with each node's {@code └} rows, then the
 * health and an etcd section. In Swarm mode the per-node rows come from each node's own engine,
 * matched by its swarm node id; a classic manager's rows are passed on as it gave them.
 */
public final class InfoText {
    private final StringBuilder out = new StringBuilder();

    private InfoText() {
    }

    public static String render(Snapshot snapshot) {
        InfoText text = new InfoText();
        ClusterHealth health = snapshot.health();
        SwarmObservation swarm = snapshot.swarm();
        if (swarm.watched()) {
            if (swarm.classic() != null) {
                text.classic(swarm);
            } else {
                text.swarmMode(swarm, health);
            }
        }
        text.health(health);
        if (snapshot.etcd().watched()) {
            text.etcd(snapshot);
        }
        return text.out.toString();
    }

    private void classic(SwarmObservation swarm) {
        var classic = swarm.classic();
        Info manager = swarm.engines().stream().filter(EngineReport::answered)
                .filter(e -> io.coreswarm.monitor.docker.ClassicSwarmParser.parse(e.info()).isPresent())
                .map(EngineReport::info).findFirst().orElseThrow();
        totals(List.of(manager));
        line("Role", classic.role());
        line("Primary", classic.primary());
        line("Strategy", classic.strategy());
        line("Filters", classic.filters());
        line("Nodes", String.valueOf(classic.nodes().size()));
        for (ClassicNode node : classic.nodes()) {
            out.append(' ').append(node.name()).append(": ").append(node.address()).append('\n');
            node.attributes().forEach((k, v) -> out.append("  └ ").append(k).append(": ").append(v).append('\n'));
        }
        platform(manager, manager.getNCPU(), manager.getMemTotal());
    }

    private void swarmMode(SwarmObservation swarm, ClusterHealth health) {
        List<Info> infos = swarm.engines().stream().filter(EngineReport::answered).map(EngineReport::info).toList();
        Optional<EngineReport> answering = swarm.engines().stream().filter(EngineReport::isManager).findFirst()
                .or(() -> swarm.engines().stream().filter(EngineReport::answered).findFirst());
        totals(infos);
        line("Swarm", String.valueOf(swarm.flavour()));
        if (health.swarmManagers() != null) {
            var q = health.swarmManagers();
            line("Managers", q.members() + " (" + q.up() + " reachable, majority " + q.majority() + ")");
        }
        line("Leader", swarm.leader() == null ? "(none)" : swarm.leader());
        line("Nodes", String.valueOf(swarm.nodes().size()));
        long cpus = 0;
        long memory = 0;
        for (SwarmNodeHealth node : swarm.nodes()) {
            Optional<EngineReport> engine = swarm.engines().stream().filter(e -> node.id().equals(e.swarmNodeId())).findFirst();
            Info info = engine.map(EngineReport::info).orElse(null);
            out.append(' ').append(node.hostname()).append(": ")
                    .append(engine.map(EngineReport::address).orElse(node.address())).append('\n');
            attribute("ID", node.id());
            attribute("Status", NodeState.of(node.state()).status());
            attribute("Role", node.role() + (node.leader() ? " (leader)" : node.reachability() == null ? "" : " (" + node.reachability() + ")"));
            attribute("Availability", node.availability());
            Reservation reserved = swarm.reservations().getOrDefault(node.id(), Reservation.NONE);
            if (info != null) {
                attribute("Containers", String.valueOf(info.getContainers()));
                attribute("Reserved CPUs", reserved.nanoCpus() / 1_000_000_000L + " / " + info.getNCPU());
                attribute("Reserved Memory", Sizes.bytes(reserved.memoryBytes()) + " / " + Sizes.bytes(orZero(info.getMemTotal())));
                attribute("Labels", labels(info));
                cpus += info.getNCPU() == null ? 0 : info.getNCPU();
                memory += orZero(info.getMemTotal());
            }
            attribute("Error", engine.isEmpty() ? "(no endpoint of this node is watched)"
                    : engine.get().answered() ? "(none)" : engine.get().error());
            attribute("ServerVersion", info != null ? info.getServerVersion() : node.engineVersion());
        }
        for (EngineReport e : swarm.engines()) {
            if (!e.answered()) {
                line("Unreachable", e.endpoint() + ": " + e.error());
            }
        }
        swarm.problems().forEach(p -> line("Problem", p));
        if (answering.isPresent() && answering.get().answered()) {
            platform(answering.get().info(), (int) cpus, memory);
        }
    }

    /** Container and image counts, summed over the engines that answered (a classic manager answers for all). */
    private void totals(List<Info> infos) {
        line("Containers", String.valueOf(sum(infos, Info::getContainers)));
        out.append(" Running: ").append(sum(infos, Info::getContainersRunning)).append('\n');
        out.append(" Paused: ").append(sum(infos, Info::getContainersPaused)).append('\n');
        out.append(" Stopped: ").append(sum(infos, Info::getContainersStopped)).append('\n');
        line("Images", String.valueOf(sum(infos, Info::getImages)));
        infos.stream().map(Info::getServerVersion).filter(Objects::nonNull).findFirst().ifPresent(v -> line("Server Version", v));
    }

    private void platform(Info info, Integer cpus, Long memory) {
        line("Kernel Version", info.getKernelVersion());
        line("Operating System", info.getOperatingSystem());
        line("Architecture", info.getArchitecture());
        line("CPUs", cpus == null ? null : String.valueOf(cpus));
        line("Total Memory", memory == null ? null : Sizes.bytes(memory));
        line("Name", info.getName());
    }

    private void health(ClusterHealth health) {
        line("Health", health.status().name());
        health.reasons().forEach(r -> attribute(null, r));
        if (health.checkedAt() != null) {
            line("Checked At", health.checkedAt().toString());
        }
        workloads(health.workloads());
    }

    /** The provisioner's last workload check and the capability conditions, one row each. */
    private void workloads(WorkloadReport workloads) {
        if (workloads == null) {
            return;
        }
        out.append("Workloads:\n");
        out.append(" Last Check: ").append(workloads.checkedAt()).append(workloads.ok() ? " ok" : " FAILED").append('\n');
        for (WorkloadReport.FailingNode node : workloads.failing()) {
            attribute(node.node(), node.detail());
        }
        out.append(" Conditions:\n");
        for (Condition c : workloads.conditions()) {
            attribute(null, c.type() + " " + c.status() + " " + c.reason() + (c.message() == null ? "" : ": " + c.message()));
        }
    }

    private void etcd(Snapshot snapshot) {
        var etcd = snapshot.etcd();
        out.append("etcd:\n");
        out.append(" API: ").append(etcd.api()).append('\n');
        if (!etcd.answered()) {
            out.append(" Error: ").append(etcd.error()).append('\n');
            return;
        }
        var q = snapshot.health().etcdQuorum();
        out.append(" Members: ").append(q.members()).append(" (").append(q.up()).append(" up, majority ").append(q.majority()).append(")\n");
        out.append(" Leader: ").append(etcd.leader() == null ? "(none)" : etcd.leader()).append('\n');
        for (EtcdMemberHealth m : etcd.members()) {
            out.append(' ').append(m.name()).append(": ").append(m.endpoint() == null ? "(no client URL)" : m.endpoint()).append('\n');
            attribute("Status", m.reachable() ? (m.leader() ? "Healthy (leader)" : "Healthy") : "Unreachable");
            attribute("ID", m.id());
            attribute("Version", m.version());
            attribute("DB Size", m.dbSize() == null ? null : Sizes.bytes(m.dbSize()));
            attribute("Raft Term", m.raftTerm() == null ? null : String.valueOf(m.raftTerm()));
            attribute("Raft Index", m.raftIndex() == null ? null : String.valueOf(m.raftIndex()));
            attribute("Raft Applied Index", m.raftAppliedIndex() == null ? null : String.valueOf(m.raftAppliedIndex()));
            attribute("Learner", String.valueOf(m.learner()));
            attribute("Alarms", m.alarms().isEmpty() ? "(none)" : String.join(", ", m.alarms()));
            attribute("Error", m.error() == null ? "(none)" : m.error());
        }
    }

    /** The engine's labels plus what a classic manager added: kernel, OS and storage driver. */
    private static String labels(Info info) {
        Map<String, String> labels = new TreeMap<>();
        if (info.getLabels() != null) {
            for (String label : info.getLabels()) {
                int eq = label.indexOf('=');
                labels.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
            }
        }
        putIfSet(labels, "kernelversion", info.getKernelVersion());
        putIfSet(labels, "operatingsystem", info.getOperatingSystem());
        putIfSet(labels, "storagedriver", info.getDriver());
        List<String> rows = new ArrayList<>();
        labels.forEach((k, v) -> rows.add(k + "=" + v));
        return String.join(", ", rows);
    }

    private static void putIfSet(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(key, value);
        }
    }

    private static long sum(List<Info> infos, java.util.function.Function<Info, Integer> count) {
        return infos.stream().map(count).filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }

    private void line(String key, String value) {
        if (value != null) {
            out.append(key).append(": ").append(value).append('\n');
        }
    }

    /** A {@code └} row; with no key, a reason under the line above. */
    private void attribute(String key, String value) {
        if (value != null) {
            out.append(key == null ? " └ " : "  └ ").append(key == null ? "" : key + ": ").append(value).append('\n');
        }
    }
}
