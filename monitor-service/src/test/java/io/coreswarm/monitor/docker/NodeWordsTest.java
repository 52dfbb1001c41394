package io.coreswarm.monitor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.model.Reachability;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeManagerStatus;
import com.github.dockerjava.api.model.SwarmNodeRole;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmNodeStatus;

import io.coreswarm.api.health.SwarmNodeHealth;

/**
 * The node words as enums give the same words on the wire as before: docker-java's constant in
 * lower case for Swarm mode, the manager's status in lower case for a classic swarm.
 */
class NodeWordsTest {

    @Test
    void swarmModeWordsAreDockerJavasConstantsInLowerCase() {
        for (SwarmNodeState s : SwarmNodeState.values()) {
            assertEquals(lower(s), NodeState.of(s).id());
            assertEquals(NodeState.of(s), NodeState.of(lower(s)));
        }
        for (Reachability r : Reachability.values()) {
            assertEquals(lower(r), NodeReachability.of(r).id());
        }
        for (SwarmNodeRole r : SwarmNodeRole.values()) {
            assertEquals(lower(r), NodeRole.of(r).id());
        }
        for (SwarmNodeAvailability a : SwarmNodeAvailability.values()) {
            assertEquals(lower(a), NodeAvailability.of(a).id());
        }
        assertEquals(NodeState.UNKNOWN, NodeState.of((SwarmNodeState) null));
        assertEquals(NodeState.UNKNOWN, NodeState.of("healthy"), "a classic word is no Swarm mode state");
        assertNull(NodeReachability.of((Reachability) null), "workers have no reachability");
        assertTrue(NodeRole.MANAGER.is("manager"));
        assertFalse(NodeRole.MANAGER.is(null));
        assertTrue(NodeReachability.UNREACHABLE.is("unreachable"));
        assertEquals("Healthy", NodeState.READY.status());
    }

    @Test
    void aSwarmNodeReadsAsBefore() {
        SwarmNode node = new SwarmNode().withId("n1")
                .withSpec(new SwarmNodeSpec().withRole(SwarmNodeRole.MANAGER).withAvailability(SwarmNodeAvailability.DRAIN))
                .withStatus(new SwarmNodeStatus().withState(SwarmNodeState.DOWN).withAddress("10.0.0.2"))
                .withManagerStatus(new SwarmNodeManagerStatus().withLeader(false).withReachability(Reachability.UNREACHABLE));
        assertEquals(new SwarmNodeHealth("n1", "n1", "10.0.0.2", "manager", "down", "drain", false, "unreachable", null),
                SwarmModeProbe.health(node));
        assertEquals(new SwarmNodeHealth("n2", "n2", null, null, "unknown", null, false, null, null),
                SwarmModeProbe.health(new SwarmNode().withId("n2")));
    }

    @Test
    void classicWordsAreTheManagersInLowerCase() {
        assertEquals("healthy", ClassicNodeStatus.of("Healthy").id());
        assertEquals("unhealthy", ClassicNodeStatus.of("Unhealthy").id());
        assertEquals("pending", ClassicNodeStatus.of("Pending").id());
        assertEquals("disconnected", ClassicNodeStatus.of("Disconnected").id());
        assertEquals("maintenance", ClassicNodeStatus.of("Maintenance").id());
        assertEquals("unknown", ClassicNodeStatus.of(null).id());
        assertEquals(ClassicRole.REPLICA, ClassicRole.of("replica"));
        assertEquals(ClassicRole.PRIMARY, ClassicRole.of("Primary"));
        assertNull(ClassicRole.of(null), "swarm 1.0 had no Role row");
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
