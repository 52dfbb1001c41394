package io.coreswarm.monitor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.model.Info;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.HealthStatus;
import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.monitor.etcd.EtcdObservation;
import io.coreswarm.monitor.health.HealthRules;
import io.coreswarm.monitor.health.InfoText;
import io.coreswarm.monitor.health.Snapshot;

class ClassicSwarmParserTest {

    @Test
    void theSeedsManagerListsFiveHealthyEngines() {
        ClassicSwarmInfo swarm = ClassicSwarmParser.parse(Fixtures.seedInfo()).orElseThrow();
        assertEquals("primary", swarm.role());
        assertNull(swarm.primary());
        assertEquals("spread", swarm.strategy());
        assertEquals("health, port, dependency, affinity, constraint", swarm.filters());
        assertEquals(5, swarm.declaredNodes());
        assertEquals(List.of("core-01", "core-02", "core-03", "core-04", "core-05"),
                swarm.nodes().stream().map(ClassicNode::name).toList());
        for (int i = 0; i < 5; i++) {
            ClassicNode node = swarm.nodes().get(i);
            assertEquals("172.17.8.10" + (i + 1) + ":2376", node.address());
            assertEquals("Healthy", node.status());
            assertEquals("2", node.attribute("Containers"));
            assertEquals("0 / 1", node.attribute("Reserved CPUs"));
            assertEquals("0 B / 1.022 GiB", node.attribute("Reserved Memory"));
            assertEquals("1.10.3", node.serverVersion());
            assertNull(node.error(), "(none) is no error");
            assertNull(node.id(), "swarm 1.2.0 lists no ID row");
        }
        assertEquals("executiondriver=native-0.2, kernelversion=4.5.0-coreos-r1, operatingsystem=CoreOS 1010.1.0 (MoreOS), storagedriver=overlay",
                swarm.nodes().get(0).attribute("Labels"));
        assertEquals("2016-04-18T19:44:13Z", swarm.nodes().get(0).attribute("UpdatedAt"));
    }

    @Test
    void theSeedsClusterIsHealthyWithItsManagerAsLeader() {
        Info seed = Fixtures.seedInfo();
        SwarmObservation swarm = ClassicSwarmProbe.observation(List.of(EngineReport.of("tcp://172.17.8.101:2375", seed)),
                EngineReport.of("tcp://172.17.8.101:2375", seed), ClassicSwarmParser.parse(seed).orElseThrow());
        ClusterHealth health = HealthRules.judge("seed", EtcdObservation.notWatched(), swarm, Instant.now());
        assertEquals(HealthStatus.HEALTHY, health.status(), health.reasons().toString());
        assertEquals("172.17.8.101:2375", health.swarmLeader());
        assertEquals(SwarmFlavour.CLASSIC, health.swarmFlavour());
        assertNull(health.swarmManagers(), "classic managers have no raft quorum");
        assertEquals(5, health.swarm().size());
        assertEquals("healthy", health.swarm().get(0).state());
        assertEquals("1.10.3", health.swarm().get(0).engineVersion());
    }

    /** The info view passes a classic manager's node rows on as the seed's transcript shows them. */
    @Test
    void theInfoViewOfTheSeedsClusterRepeatsItsNodeBlock() {
        Info seed = Fixtures.seedInfo();
        EngineReport manager = EngineReport.of("tcp://172.17.8.101:2375", seed);
        SwarmObservation swarm = ClassicSwarmProbe.observation(List.of(manager), manager, ClassicSwarmParser.parse(seed).orElseThrow());
        String info = InfoText.render(new Snapshot(HealthRules.judge("seed", EtcdObservation.notWatched(), swarm, Instant.now()),
                EtcdObservation.notWatched(), swarm));
        String transcript = Fixtures.text("seed-docker-info.txt");
        String seedBlock = transcript.substring(transcript.indexOf("Containers: 10"), transcript.indexOf("Plugins:"));
        assertTrue(info.startsWith(seedBlock), "expected the seed's lines first:\n" + seedBlock + "\nbut got:\n" + info);
        assertTrue(info.contains("\nName: core-01\n"), info);
        assertTrue(info.contains("\nHealth: HEALTHY\n"), info);
    }

    @Test
    void anOldManagersDriverStatusWithBackspacesIsReadByKey() {
        ClassicSwarmInfo swarm = ClassicSwarmParser.parse(Fixtures.info("driver-status-1.0.json")).orElseThrow();
        assertEquals("primary", swarm.role());
        assertEquals("spread", swarm.strategy());
        assertEquals(2, swarm.nodes().size());
        assertEquals("core-01", swarm.nodes().get(0).name());
        assertEquals("172.17.8.102:2376", swarm.nodes().get(1).address());
        assertEquals("Unhealthy", swarm.nodes().get(1).status());
        assertEquals("Cannot connect to the docker engine endpoint", swarm.nodes().get(1).error());
        assertNull(swarm.nodes().get(0).serverVersion(), "swarm 1.0 had no ServerVersion row");
        assertTrue(swarm.nodes().stream().allMatch(n -> !n.attributes().keySet().toString().contains("\b")));
    }

    @Test
    void aReplicaNamesThePrimaryAndRowsInAnyOrderAreReadByKey() {
        Info replica = Fixtures.info("replica-1.2.json");
        ClassicSwarmInfo swarm = ClassicSwarmParser.parse(replica).orElseThrow();
        assertEquals("replica", swarm.role());
        assertEquals("172.17.8.101:4000", swarm.primary());
        assertEquals(List.of("Healthy", "Healthy", "Disconnected"), swarm.nodes().stream().map(ClassicNode::status).toList());
        assertEquals("KD3W:V5W5:2HMC:5KHX:Q4DX:PCUB:WKWX:6TYI:IONW:5WOZ:Y7KJ:43UK", swarm.nodes().get(1).id(),
                "core-02 lists ID after Status");
        assertNull(swarm.nodes().get(0).error(), "since swarm 1.2.0 a node without error has no Error row");
        assertTrue(swarm.nodes().get(2).error().startsWith("engine core-03 is down"));

        EngineReport manager = EngineReport.of("tcp://172.17.8.102:2375", replica);
        SwarmObservation observed = ClassicSwarmProbe.observation(List.of(manager), manager, swarm);
        ClusterHealth health = HealthRules.judge("replica", EtcdObservation.notWatched(), observed, Instant.now());
        assertEquals("172.17.8.101:4000", health.swarmLeader());
        assertEquals(HealthStatus.DEGRADED, health.status());
        assertEquals(List.of("swarm node core-03 disconnected"), health.reasons());
    }

    @Test
    void anEngineThatIsNoClassicManagerIsNotMistakenForOne() {
        Info engine = Fixtures.JSON.convertValue(Map.of("ServerVersion", "20.10.24", "SystemStatus", List.of(),
                "DriverStatus", List.of(List.of("Backing Filesystem", "extfs"), List.of("Supports d_type", "true"))), Info.class);
        assertTrue(ClassicSwarmParser.parse(engine).isEmpty());
        assertTrue(ClassicSwarmParser.parse(List.of(List.of("Strategy", "spread"))).isEmpty(), "no Nodes row, no cluster");
    }
}
