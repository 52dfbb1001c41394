package io.coreswarm.monitor.docker;

import static io.coreswarm.monitor.support.Api.awaitHealth;
import static io.coreswarm.monitor.support.Api.awaitStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.monitor.support.Api;
import io.coreswarm.monitor.support.SwarmNodes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A real three-manager Swarm mode cluster (docker-in-docker node containers) watched through its
 * engines' TCP endpoints: nodes, leader and managers in health and info; one node stopped is
 * DEGRADED naming it with the quorum held; two stopped lose the quorum; all stopped is UNKNOWN.
 */
@QuarkusTest
class SwarmModeTest {
    static final Duration LIMIT = Duration.ofSeconds(90);
    static SwarmNodes swarm;

    @BeforeAll
    static void startSwarm() {
        swarm = new SwarmNodes("cs-monitor-test").start(3);
    }

    @AfterEach
    void forget() {
        Api.deleteTarget("swarm");
    }

    @AfterAll
    static void removeSwarm() {
        swarm.close();
    }

    @Test
    void nodesLeaderAndManagersShowAndStoppingNodesDegradesThenLosesTheQuorum() {
        Api.putTarget("swarm", swarm.dockerEndpoints(), List.of(), "mode", "v3");
        JsonPath healthy = awaitStatus("swarm", "HEALTHY", LIMIT);
        assertEquals(List.of("core-01", "core-02", "core-03"), healthy.getList("swarm.hostname").stream().sorted().toList());
        assertEquals(List.of("manager", "manager", "manager"), healthy.getList("swarm.role"));
        assertEquals(List.of("ready", "ready", "ready"), healthy.getList("swarm.state"));
        assertEquals("core-01", healthy.getString("swarmLeader"));
        assertEquals(3, healthy.getInt("swarmManagers.members"));
        assertEquals(3, healthy.getInt("swarmManagers.up"));
        assertEquals(2, healthy.getInt("swarmManagers.majority"));
        assertEquals("mode", healthy.getString("swarmFlavour"));
        assertTrue(healthy.getString("swarm[0].engineVersion").startsWith("20.10"), healthy.prettify());

        String info = Api.info("swarm");
        SwarmNodes.Node first = swarm.nodes.get(0);
        assertTrue(info.startsWith("Containers: 0\n Running: 0\n Paused: 0\n Stopped: 0\nImages: 0\nServer Version: 20.10"), info);
        assertTrue(info.contains("\nManagers: 3 (3 reachable, majority 2)\nLeader: core-01\nNodes: 3\n"), info);
        assertTrue(info.contains("\n core-01: " + first.ip() + ":" + NodeLayout.DOCKER_PORT + "\n"), info);
        assertTrue(info.contains("\n  └ Status: Healthy\n  └ Role: manager (leader)\n  └ Availability: active\n  └ Containers: 0\n"), info);
        assertTrue(info.matches("(?s).*\n  └ Reserved CPUs: 0 / \\d+\n  └ Reserved Memory: 0 B / [0-9.]+ GiB\n.*"), info);
        assertTrue(info.contains("storagedriver=overlay2"), info);
        assertTrue(info.contains("\nName: core-01\n"), info);
        assertTrue(info.contains("\nHealth: HEALTHY\n"), info);
        assertTrue(Api.metrics().contains("coreswarm_swarm_node_ready{cluster=\"swarm\",node=\"core-03\"} 1.0"));

        // one of three managers stopped: its engine is gone at once, the swarm marks it down after its heartbeats
        SwarmNodes.Node third = swarm.nodes.get(2);
        swarm.stop(third);
        JsonPath degraded = awaitHealth("swarm", "core-03 down", LIMIT,
                h -> h.getList("reasons").contains("swarm node core-03 down"));
        assertEquals("DEGRADED", degraded.getString("status"), degraded.prettify());
        assertTrue(degraded.getList("reasons").contains("swarm node core-03: docker endpoint " + third.dockerEndpoint()
                + " unreachable (connection refused)") || degraded.getList("reasons").stream()
                .anyMatch(r -> r.toString().contains(third.dockerEndpoint())), degraded.prettify());
        assertTrue(degraded.getBoolean("swarmManagers.held"));
        assertEquals(2, degraded.getInt("swarmManagers.up"));
        assertTrue(Api.metrics().contains("coreswarm_swarm_node_ready{cluster=\"swarm\",node=\"core-03\"} 0.0"));
        List<String> nodeEvents = Api.events("swarm").getList("findAll { it.kind == 'SWARM_NODE' }.collect { it.subject + ' ' + it.to }");
        assertTrue(nodeEvents.contains("core-03 down"), nodeEvents.toString());

        // two of three: the last manager cannot list the nodes without a quorum
        swarm.stop(swarm.nodes.get(1));
        JsonPath down = awaitHealth("swarm", "the quorum lost", LIMIT,
                h -> h.getList("reasons").contains("swarm managers 1 of 3: quorum lost"));
        assertEquals("DOWN", down.getString("status"), down.prettify());
        assertFalse(down.getBoolean("swarmManagers.held"));

        // all stopped: nothing answers
        swarm.stop(first);
        JsonPath unknown = awaitStatus("swarm", "UNKNOWN", LIMIT);
        assertTrue(unknown.getString("reasons[0]").startsWith("docker: no endpoint answers (" + first.dockerEndpoint()), unknown.prettify());
        List<String> transitions = Api.events("swarm").getList("findAll { it.kind == 'HEALTH' }.collect { it.to }");
        assertEquals(List.of("HEALTHY", "DEGRADED", "DOWN", "UNKNOWN"), transitions);
    }
}
