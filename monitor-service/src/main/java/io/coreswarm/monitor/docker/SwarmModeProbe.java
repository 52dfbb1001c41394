package io.coreswarm.monitor.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;

import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.api.health.SwarmNodeHealth;
import io.coreswarm.monitor.Failures;

/**
 * Swarm mode through docker-java: every endpoint's info, then {@code /nodes} (and {@code /tasks},
 * for reservations) from the first endpoint that is a manager and can answer for the swarm (a
 * manager without quorum cannot: it says the swarm has no leader).
 */
@ApplicationScoped
public class SwarmModeProbe implements SwarmProbe {

    @Override
    public SwarmFlavour flavour() {
        return SwarmFlavour.MODE;
    }

    @Override
    public SwarmObservation observe(Map<String, DockerClient> endpoints, Executor executor, Duration timeout) {
        List<EngineReport> engines = EngineInfos.ask(endpoints, executor, timeout);
        List<EngineReport> managers = engines.stream().filter(EngineReport::isManager).toList();
        Integer declared = engines.stream().filter(EngineReport::answered)
                .map(e -> e.info().getSwarm() == null ? null : e.info().getSwarm().getManagers())
                .filter(Objects::nonNull).filter(n -> n > 0).findFirst().orElse(null);
        List<String> problems = new ArrayList<>();
        for (EngineReport manager : managers) {
            DockerClient docker = endpoints.get(manager.endpoint());
            try {
                List<SwarmNode> nodes = docker.listSwarmNodesCmd().exec();
                Map<String, Reservation> reservations = reservations(docker);
                List<SwarmNodeHealth> health = nodes.stream().map(SwarmModeProbe::health).toList();
                String leader = health.stream().filter(SwarmNodeHealth::leader).map(SwarmNodeHealth::hostname)
                        .findFirst().orElse(null);
                return new SwarmObservation(SwarmFlavour.MODE, engines, health, leader, declared, managers.size(), List.of(),
                        reservations, null);
            } catch (RuntimeException e) {
                problems.add("swarm manager " + manager.endpoint() + ": " + Failures.describe(e, timeout));
            }
        }
        if (managers.isEmpty() && engines.stream().anyMatch(EngineReport::answered)) {
            problems.add(engines.stream().filter(EngineReport::answered).allMatch(SwarmModeProbe::outsideSwarm)
                    ? "docker engines are not part of a swarm"
                    : "no swarm manager answers (the engines answering are workers)");
        }
        return new SwarmObservation(SwarmFlavour.MODE, engines, List.of(), null, declared, managers.size(), List.copyOf(problems),
                Map.of(), null);
    }

    static SwarmNodeHealth health(SwarmNode node) {
        var spec = node.getSpec();
        var status = node.getStatus();
        var manager = node.getManagerStatus();
        var description = node.getDescription();
        String hostname = description == null || description.getHostname() == null ? node.getId() : description.getHostname();
        NodeRole role = spec == null ? null : NodeRole.of(spec.getRole());
        NodeAvailability availability = spec == null ? null : NodeAvailability.of(spec.getAvailability());
        NodeReachability reachability = manager == null ? null : NodeReachability.of(manager.getReachability());
        return new SwarmNodeHealth(node.getId(), hostname,
                status == null ? null : status.getAddress(),
                role == null ? null : role.id(),
                NodeState.of(status == null ? null : status.getState()).id(),
                availability == null ? null : availability.id(),
                manager != null && manager.isLeader(),
                reachability == null ? null : reachability.id(),
                description == null || description.getEngine() == null ? null : description.getEngine().getEngineVersion());
    }

    /** Reservations of the tasks meant to run, per node; none when the tasks cannot be listed. */
    private static Map<String, Reservation> reservations(DockerClient docker) {
        Map<String, Reservation> byNode = new HashMap<>();
        try {
            for (Task task : docker.listTasksCmd().exec()) {
                if (task.getNodeId() == null || task.getDesiredState() != TaskState.RUNNING
                        || task.getSpec() == null || task.getSpec().getResources() == null
                        || task.getSpec().getResources().getReservations() == null) {
                    continue;
                }
                var r = task.getSpec().getResources().getReservations();
                Reservation reserved = new Reservation(r.getNanoCPUs() == null ? 0 : r.getNanoCPUs(),
                        r.getMemoryBytes() == null ? 0 : r.getMemoryBytes());
                byNode.merge(task.getNodeId(), reserved, Reservation::plus);
            }
        } catch (RuntimeException e) {
            return Map.of();
        }
        return byNode;
    }

    private static boolean outsideSwarm(EngineReport e) {
        return e.info().getSwarm() == null || e.info().getSwarm().getLocalNodeState() == null
                || e.info().getSwarm().getLocalNodeState() == LocalNodeState.INACTIVE;
    }
}
