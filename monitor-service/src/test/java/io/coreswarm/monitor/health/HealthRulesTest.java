package io.coreswarm.monitor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.api.health.HealthStatus;
import io.coreswarm.api.health.Quorum;
import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.api.health.SwarmNodeHealth;
import io.coreswarm.api.health.WorkloadReport;
import io.coreswarm.monitor.docker.EngineReport;
import io.coreswarm.monitor.docker.SwarmObservation;
import io.coreswarm.monitor.etcd.EtcdObservation;

class HealthRulesTest {

    @Test
    void aMajorityIsHalfTheMembersPlusOne() {
        int[][] membersMajority = {{1, 1}, {2, 2}, {3, 2}, {4, 3}, {5, 3}, {6, 4}, {7, 4}};
        for (int[] row : membersMajority) {
            assertEquals(row[1], Quorum.of(row[0], row[0]).majority(), row[0] + " members");
        }
        assertTrue(Quorum.of(3, 2).held());
        assertFalse(Quorum.of(3, 1).held());
        assertTrue(Quorum.of(5, 3).held());
        assertFalse(Quorum.of(5, 2).held());
        assertFalse(Quorum.of(4, 2).held(), "an even split is no majority");
        assertFalse(Quorum.of(2, 1).held(), "two members tolerate no failure");
        assertTrue(Quorum.of(1, 1).held());
        assertFalse(Quorum.of(0, 0).held(), "no members, no quorum");
    }

    @Test
    void allMembersUpWithALeaderIsHealthy() {
        ClusterHealth h = judge(etcd(member("core-01", true, true), member("core-02", true, false), member("core-03", true, false)));
        assertEquals(HealthStatus.HEALTHY, h.status());
        assertEquals(List.of(), h.reasons());
        assertEquals("core-01", h.etcdLeader());
        assertEquals(Quorum.of(3, 3), h.etcdQuorum());
    }

    @Test
    void oneMemberOfThreeDownIsDegradedAndNamesIt() {
        ClusterHealth h = judge(etcd(member("core-01", true, true), member("core-02", true, false), member("core-03", false, false)));
        assertEquals(HealthStatus.DEGRADED, h.status());
        assertEquals(List.of("etcd member core-03 unreachable"), h.reasons());
        assertTrue(h.etcdQuorum().held());
    }

    @Test
    void twoMembersOfThreeDownLoseTheQuorum() {
        ClusterHealth h = judge(etcd(member("core-01", true, false), member("core-02", false, false), member("core-03", false, false)));
        assertEquals(HealthStatus.DOWN, h.status());
        assertEquals(List.of("etcd member core-02 unreachable", "etcd member core-03 unreachable",
                "etcd members 1 of 3 up: quorum lost", "no etcd leader"), h.reasons());
    }

    @Test
    void noLeaderIsDownEvenWithEveryMemberUp() {
        ClusterHealth h = judge(etcd(member("core-01", true, false), member("core-02", true, false), member("core-03", true, false)));
        assertEquals(HealthStatus.DOWN, h.status());
        assertEquals(List.of("no etcd leader"), h.reasons());
    }

    @Test
    void learnersDoNotCountTowardsTheQuorumAndAlarmsDegrade() {
        EtcdMemberHealth learner = new EtcdMemberHealth("4", "core-04", "http://x:2379", false, false, null, null, null, null,
                null, true, List.of(), "no answer within 2s");
        EtcdMemberHealth full = new EtcdMemberHealth("2", "core-02", "http://y:2379", true, false, "3.4.23", 1L, 1L, 1L, 1L,
                false, List.of("NOSPACE"), null);
        ClusterHealth h = judge(etcd(member("core-01", true, true), full, learner));
        assertEquals(Quorum.of(2, 2), h.etcdQuorum());
        assertEquals(HealthStatus.DEGRADED, h.status());
        assertEquals(List.of("etcd member core-02 alarm NOSPACE", "etcd member core-04 unreachable"), h.reasons());
    }

    @Test
    void aSwarmNodeDownIsDegradedWhileTheManagersHoldTheQuorum() {
        ClusterHealth h = HealthRules.judge("c", EtcdObservation.notWatched(), swarm(
                node("core-01", "ready", true, "reachable"), node("core-02", "down", false, "unreachable"),
                node("core-03", "ready", false, "reachable")), Instant.now());
        assertEquals(HealthStatus.DEGRADED, h.status());
        assertEquals(List.of("swarm node core-02 down"), h.reasons());
        assertEquals(Quorum.of(3, 2), h.swarmManagers());
        assertEquals("core-01", h.swarmLeader());
    }

    @Test
    void twoManagersOfThreeUnreachableLoseTheSwarmQuorum() {
        ClusterHealth h = HealthRules.judge("c", EtcdObservation.notWatched(), swarm(
                node("core-01", "ready", false, "reachable"), node("core-02", "down", false, "unreachable"),
                node("core-03", "down", false, "unreachable")), Instant.now());
        assertEquals(HealthStatus.DOWN, h.status());
        assertTrue(h.reasons().contains("swarm managers 1 of 3: quorum lost"), h.reasons().toString());
        assertTrue(h.reasons().contains("no swarm leader"), h.reasons().toString());
    }

    /** A manager without quorum refuses /nodes; the managers that answer are counted instead. */
    @Test
    void withoutANodeListTheAnsweringManagersAreCountedAgainstTheDeclaredOnes() {
        SwarmObservation swarm = new SwarmObservation(SwarmFlavour.MODE,
                List.of(EngineReport.failed("tcp://a:2375", "connection refused")),
                List.of(), null, 3, 1, List.of("swarm manager tcp://b:2375: The swarm does not have a leader."), Map.of(), null);
        // one endpoint answered: make the observation say so
        swarm = new SwarmObservation(swarm.flavour(), List.of(swarm.engines().get(0), answered("tcp://b:2375")), swarm.nodes(),
                null, 3, 1, swarm.problems(), Map.of(), null);
        ClusterHealth h = HealthRules.judge("c", EtcdObservation.notWatched(), swarm, Instant.now());
        assertEquals(HealthStatus.DOWN, h.status());
        assertEquals(List.of("swarm manager tcp://b:2375: The swarm does not have a leader.",
                "docker endpoint tcp://a:2375 unreachable (connection refused)", "swarm managers 1 of 3: quorum lost"),
                h.reasons());
    }

    @Test
    void nothingAnsweringIsUnknownWithTheReasons() {
        SwarmObservation swarm = new SwarmObservation(SwarmFlavour.MODE, List.of(EngineReport.failed("tcp://127.0.0.1:1", "connection refused")),
                List.of(), null, null, 0, List.of(), Map.of(), null);
        ClusterHealth h = HealthRules.judge("c", EtcdObservation.unanswered(EtcdApi.V3, "connection refused"), swarm, Instant.now());
        assertEquals(HealthStatus.UNKNOWN, h.status());
        assertEquals(List.of("etcd: no endpoint answers (connection refused)",
                "docker: no endpoint answers (tcp://127.0.0.1:1: connection refused)"), h.reasons());
    }

    @Test
    void oneSilentPartOfAnAnsweringClusterIsDown() {
        SwarmObservation swarm = new SwarmObservation(SwarmFlavour.MODE, List.of(EngineReport.failed("tcp://127.0.0.1:1", "connection refused")),
                List.of(), null, null, 0, List.of(), Map.of(), null);
        ClusterHealth h = HealthRules.judge("c", etcd(member("core-01", true, true)), swarm, Instant.now());
        assertEquals(HealthStatus.DOWN, h.status());
        assertEquals(List.of("docker: no endpoint answers (tcp://127.0.0.1:1: connection refused)"), h.reasons());
    }

    @Test
    void anEngineThatStopsAnsweringIsNamedBeforeTheSwarmNoticesItsNode() {
        SwarmObservation seen = swarm(node("core-01", "ready", true, "reachable"), node("core-02", "ready", false, "reachable"));
        SwarmObservation swarm = new SwarmObservation(SwarmFlavour.MODE,
                List.of(answered("tcp://10.0.0.1:2375"), EngineReport.failed("tcp://10.0.0.2:2375", "connection refused")),
                List.of(seen.nodes().get(0), new SwarmNodeHealth("b", "core-02", "10.0.0.2", "manager", "ready", "active", false,
                        "reachable", "20.10.24")), "core-01", 2, 1, List.of(), Map.of(), null);
        ClusterHealth h = HealthRules.judge("c", EtcdObservation.notWatched(), swarm, Instant.now());
        assertEquals(HealthStatus.DEGRADED, h.status());
        assertEquals(List.of("swarm node core-02: docker endpoint tcp://10.0.0.2:2375 unreachable (connection refused)"), h.reasons());
    }

    @Test
    void aFailedWorkloadCheckDegradesAClusterThatAnswersAndNamesTheNode() {
        WorkloadReport failed = workloads(false, new WorkloadReport.FailingNode("core-02",
                "no probe task could run: 3 attempts failed, the last with failed: read-only file system"));
        ClusterHealth h = HealthRules.judge("c", etcd(member("core-01", true, true), member("core-02", true, false), member("core-03", true, false)),
                SwarmObservation.notWatched(), failed, Instant.now());
        assertEquals(HealthStatus.DEGRADED, h.status());
        assertEquals(1, h.reasons().size(), h.reasons().toString());
        assertTrue(h.reasons().get(0).startsWith("workloads do not run on core-02 (check at "), h.reasons().get(0));
        assertTrue(h.reasons().get(0).endsWith("read-only file system"), h.reasons().get(0));
        assertEquals(failed, h.workloads(), "the health carries the check it was judged on");
    }

    @Test
    void everyFailingNodeIsNamedAndAFailureWithoutNodesStillDegrades() {
        ClusterHealth two = HealthRules.judge("c", etcd(member("core-01", true, true)), SwarmObservation.notWatched(),
                workloads(false, new WorkloadReport.FailingNode("core-02", "x"), new WorkloadReport.FailingNode("core-03", null)), Instant.now());
        assertEquals(HealthStatus.DEGRADED, two.status());
        assertEquals(2, two.reasons().size());
        assertTrue(two.reasons().get(0).contains("core-02") && two.reasons().get(1).contains("core-03"), two.reasons().toString());
        ClusterHealth none = HealthRules.judge("c", etcd(member("core-01", true, true)), SwarmObservation.notWatched(),
                workloads(false), Instant.now());
        assertEquals(HealthStatus.DEGRADED, none.status());
        assertTrue(none.reasons().get(0).startsWith("workloads: the last check"), none.reasons().toString());
    }

    @Test
    void aPassingCheckLeavesAHealthyClusterHealthyAndNoCheckChangesNothing() {
        WorkloadReport ok = workloads(true);
        ClusterHealth h = HealthRules.judge("c", etcd(member("core-01", true, true)), SwarmObservation.notWatched(), ok, Instant.now());
        assertEquals(HealthStatus.HEALTHY, h.status());
        assertEquals(List.of(), h.reasons());
        assertEquals(ok, h.workloads());
        ClusterHealth without = HealthRules.judge("c", etcd(member("core-01", true, true)), SwarmObservation.notWatched(), null, Instant.now());
        assertEquals(HealthStatus.HEALTHY, without.status());
        assertEquals(null, without.workloads());
    }

    @Test
    void aFailedCheckNeverLightensDownOrUnknown() {
        WorkloadReport failed = workloads(false, new WorkloadReport.FailingNode("core-02", "x"));
        ClusterHealth down = HealthRules.judge("c", etcd(member("core-01", true, false), member("core-02", false, false), member("core-03", false, false)),
                SwarmObservation.notWatched(), failed, Instant.now());
        assertEquals(HealthStatus.DOWN, down.status());
        assertTrue(down.reasons().stream().anyMatch(r -> r.startsWith("workloads do not run on core-02")), down.reasons().toString());
        ClusterHealth silent = HealthRules.judge("c", EtcdObservation.unanswered(EtcdApi.V3, "connection refused"),
                SwarmObservation.notWatched(), failed, Instant.now());
        assertEquals(HealthStatus.UNKNOWN, silent.status(), "a cluster that does not answer is not judged on an old check");
    }

    static WorkloadReport workloads(boolean ok, WorkloadReport.FailingNode... failing) {
        return new WorkloadReport(Instant.parse("2026-11-30T12:00:00Z"), ok, List.of(failing), List.of(
                new Condition("RoutingMesh", "False", "KernelWithoutIPVS", "no IPVS", Instant.parse("2026-11-30T12:00:00Z")),
                new Condition("WorkloadsReady", ok ? "True" : "False", ok ? "ProbeRanEverywhere" : "ProbeFailed", "...",
                        Instant.parse("2026-11-30T12:00:00Z"))));
    }

    static ClusterHealth judge(EtcdObservation etcd) {
        return HealthRules.judge("c", etcd, SwarmObservation.notWatched(), Instant.now());
    }

    static EtcdObservation etcd(EtcdMemberHealth... members) {
        return EtcdObservation.of(EtcdApi.V3, List.of(members));
    }

    static EtcdMemberHealth member(String name, boolean up, boolean leader) {
        return new EtcdMemberHealth(name + "-id", name, "http://" + name + ":2379", up, leader, up ? "3.4.23" : null,
                up ? 20480L : null, up ? 2L : null, up ? 8L : null, up ? 8L : null, false, List.of(), up ? null : "connection refused");
    }

    static SwarmObservation swarm(SwarmNodeHealth... nodes) {
        String leader = List.of(nodes).stream().filter(SwarmNodeHealth::leader).map(SwarmNodeHealth::hostname).findFirst().orElse(null);
        return new SwarmObservation(SwarmFlavour.MODE, List.of(answered("tcp://a:2375")), List.of(nodes), leader, nodes.length, 1, List.of(),
                Map.of(), null);
    }

    static SwarmNodeHealth node(String name, String state, boolean leader, String reachability) {
        return new SwarmNodeHealth(name + "-id", name, "10.0.0.1", "manager", state, "active", leader, reachability, "20.10.24");
    }

    static EngineReport answered(String endpoint) {
        return EngineReport.of(endpoint, new com.github.dockerjava.api.model.Info());
    }
}
