package io.coreswarm.monitor.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.dockerjava.api.DockerClient;

import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.api.health.SwarmNodeHealth;

/**
 * A classic swarm (the seed's {@code swarm manage}): the endpoints are managers, and the first
 * one whose {@code docker info} shows the cluster answers for it. The leader is the primary
 * manager: the answering one if its role is primary, else the one it names.
 */
@ApplicationScoped
public class ClassicSwarmProbe implements SwarmProbe {

    @Override
    public SwarmFlavour flavour() {
        return SwarmFlavour.CLASSIC;
    }

    @Override
    public SwarmObservation observe(Map<String, DockerClient> endpoints, Executor executor, Duration timeout) {
        List<EngineReport> engines = EngineInfos.ask(endpoints, executor, timeout);
        for (EngineReport engine : engines) {
            if (!engine.answered()) {
                continue;
            }
            Optional<ClassicSwarmInfo> classic = ClassicSwarmParser.parse(engine.info());
            if (classic.isPresent()) {
                return observation(engines, engine, classic.get());
            }
        }
        List<String> problems = engines.stream().anyMatch(EngineReport::answered)
                ? List.of("no classic swarm manager answers (docker info shows no swarm nodes)")
                : List.of();
        return new SwarmObservation(SwarmFlavour.CLASSIC, engines, List.of(), null, null, 0, problems, Map.of(), null);
    }

    static SwarmObservation observation(List<EngineReport> engines, EngineReport manager, ClassicSwarmInfo classic) {
        List<SwarmNodeHealth> nodes = classic.nodes().stream().map(ClassicSwarmProbe::health).toList();
        boolean replica = ClassicRole.of(classic.role()) == ClassicRole.REPLICA;
        String leader = replica ? classic.primary() : manager.address();
        List<String> problems = replica && (leader == null || leader.isBlank())
                ? List.of("no classic swarm primary (the replica names none)")
                : List.of();
        return new SwarmObservation(SwarmFlavour.CLASSIC, engines, nodes, leader == null || leader.isBlank() ? null : leader,
                null, 1, problems, Map.of(), classic);
    }

    static SwarmNodeHealth health(ClassicNode node) {
        return new SwarmNodeHealth(node.id(), node.name(), node.address(), null, ClassicNodeStatus.of(node.status()).id(),
                null, false, null,
                node.serverVersion());
    }
}
