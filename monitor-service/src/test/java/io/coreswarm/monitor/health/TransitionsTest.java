package io.coreswarm.monitor.health;

import static io.coreswarm.monitor.health.HealthRulesTest.etcd;
import static io.coreswarm.monitor.health.HealthRulesTest.member;
import static io.coreswarm.monitor.health.HealthRulesTest.node;
import static io.coreswarm.monitor.health.HealthRulesTest.swarm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.EventKind;
import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.monitor.docker.SwarmObservation;
import io.coreswarm.monitor.etcd.EtcdObservation;

class TransitionsTest {

    @Test
    void theFirstPollIsAHealthChangeFromUnknown() {
        ClusterHealth first = HealthRules.judge("c", etcd(member("core-01", true, true)), SwarmObservation.notWatched(), Instant.now());
        List<HealthEvent> events = Transitions.between(ClusterHealth.notPolled("c"), first);
        assertEquals(1, events.size());
        assertEquals(EventKind.HEALTH, events.get(0).kind());
        assertEquals("UNKNOWN", events.get(0).from());
        assertEquals("HEALTHY", events.get(0).to());
    }

    @Test
    void aMemberGoingDownAndTheLeaderMovingAreEvents() {
        ClusterHealth before = HealthRules.judge("c", etcd(member("core-01", true, true), member("core-02", true, false),
                member("core-03", true, false)), SwarmObservation.notWatched(), Instant.now());
        ClusterHealth after = HealthRules.judge("c", etcd(member("core-01", false, false), member("core-02", true, true),
                member("core-03", true, false)), SwarmObservation.notWatched(), Instant.now());
        List<HealthEvent> events = Transitions.between(before, after);
        assertEquals(List.of(EventKind.HEALTH, EventKind.ETCD_MEMBER, EventKind.ETCD_LEADER), events.stream().map(HealthEvent::kind).toList());
        assertEquals("cluster DEGRADED: etcd member core-01 unreachable", events.get(0).message());
        assertEquals("core-01", events.get(1).subject());
        assertEquals(List.of("up", "down"), List.of(events.get(1).from(), events.get(1).to()));
        assertEquals(List.of("core-01", "core-02"), List.of(events.get(2).from(), events.get(2).to()));
    }

    @Test
    void aSwarmNodeGoingDownIsAnEvent() {
        ClusterHealth before = HealthRules.judge("c", EtcdObservation.notWatched(), swarm(node("core-01", "ready", true, "reachable"),
                node("core-02", "ready", false, "reachable"), node("core-03", "ready", false, "reachable")), Instant.now());
        ClusterHealth after = HealthRules.judge("c", EtcdObservation.notWatched(), swarm(node("core-01", "ready", true, "reachable"),
                node("core-02", "down", false, "unreachable"), node("core-03", "ready", false, "reachable")), Instant.now());
        List<HealthEvent> events = Transitions.between(before, after);
        assertEquals(List.of(EventKind.HEALTH, EventKind.SWARM_NODE), events.stream().map(HealthEvent::kind).toList());
        assertEquals("swarm node core-02 down", events.get(1).message());
    }

    @Test
    void aPartThatStopsAnsweringIsOneHealthChangeNotEveryMemberVanishing() {
        ClusterHealth before = HealthRules.judge("c", etcd(member("core-01", true, true)), SwarmObservation.notWatched(), Instant.now());
        ClusterHealth after = HealthRules.judge("c", EtcdObservation.unanswered(EtcdApi.V3, "connection refused"),
                SwarmObservation.notWatched(), Instant.now());
        List<HealthEvent> events = Transitions.between(before, after);
        assertEquals(1, events.size());
        assertEquals("UNKNOWN", events.get(0).to());
    }
}
