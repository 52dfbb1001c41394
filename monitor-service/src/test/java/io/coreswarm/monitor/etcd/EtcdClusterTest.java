package io.coreswarm.monitor.etcd;

import static io.coreswarm.monitor.support.Api.awaitHealth;
import static io.coreswarm.monitor.support.Api.awaitStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.coreswarm.monitor.support.Api;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdCluster;
import io.coreswarm.testsupport.EtcdProcess;
import io.coreswarm.testsupport.TestApiToken;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A real three-member etcd cluster watched through both APIs (v3 with jetcd, v2 over HTTP):
 * one member killed is DEGRADED naming it, a second loses the quorum (DOWN), both restarted
 * bring it back to HEALTHY, and every step is an event, also on the live stream.
 */
@QuarkusTest
class EtcdClusterTest {
    static final Duration LIMIT = Duration.ofSeconds(60);
    static EtcdCluster etcd;

    @TestHTTPResource("/v1/clusters/trio/events/stream")
    URI eventStream;

    @BeforeAll
    static void startEtcd() {
        etcd = new EtcdCluster("trio", 3, java.nio.file.Path.of("target", "etcd-trio-" + ProcessHandle.current().pid()).toAbsolutePath()).start();
    }

    @AfterEach
    void forgetTargets() {
        Api.deleteTarget("trio");
        Api.deleteTarget("trio-v2");
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @Test
    void killingMembersDegradesThenLosesTheQuorumAndRestartingHeals() throws Exception {
        Api.putTarget("trio", List.of(), etcd.clientUrls(), "mode", "v3");
        Api.putTarget("trio-v2", List.of(), etcd.clientUrls(), "mode", "v2");

        JsonPath healthy = awaitStatus("trio", "HEALTHY", LIMIT);
        assertEquals(3, healthy.getList("etcd").size());
        assertEquals(3, healthy.getInt("etcdQuorum.members"));
        assertEquals(2, healthy.getInt("etcdQuorum.majority"));
        String leader = healthy.getString("etcdLeader");
        assertNotNull(leader);
        assertEquals("3.4.23", healthy.getString("etcd[0].version"));
        assertTrue(healthy.getLong("etcd[0].dbSize") > 0);
        assertTrue(healthy.getLong("etcd[0].raftTerm") > 0);
        assertTrue(healthy.getLong("etcd[0].raftIndex") > 0);
        assertTrue(healthy.getLong("etcd[0].raftAppliedIndex") > 0, "read from the status fields jetcd 0.8.5 does not know");
        assertEquals(List.of(false, false, false), healthy.getList("etcd.learner"));
        assertEquals(1, healthy.getList("etcd.findAll { it.leader }").size());
        JsonPath healthyV2 = awaitStatus("trio-v2", "HEALTHY", LIMIT);
        assertEquals(leader, healthyV2.getString("etcdLeader"), "both APIs see the same leader");
        assertEquals("3.4.23", healthyV2.getString("etcd[0].version"));

        // a follower first: its loss degrades the cluster, the quorum holds
        EtcdProcess follower = etcd.members().stream().filter(m -> !m.name().equals(leader)).findFirst().orElseThrow();
        List<String> streamed = followEvents();
        follower.kill();
        JsonPath degraded = awaitStatus("trio", "DEGRADED", LIMIT);
        assertEquals(List.of("etcd member " + follower.name() + " unreachable"), degraded.getList("reasons"));
        assertEquals(2, degraded.getInt("etcdQuorum.up"));
        assertTrue(degraded.getBoolean("etcdQuorum.held"));
        JsonPath degradedV2 = awaitStatus("trio-v2", "DEGRADED", LIMIT);
        assertEquals(List.of("etcd member " + follower.name() + " unreachable"), degradedV2.getList("reasons"));
        assertTrue(Api.metrics().contains("coreswarm_etcd_member_up{cluster=\"trio\",member=\"" + follower.name() + "\"} 0.0"));
        assertTrue(Api.metrics().contains("coreswarm_cluster_health{cluster=\"trio\"} 1.0"));
        String info = Api.info("trio");
        assertTrue(info.contains(" Members: 3 (2 up, majority 2)\n"), info);
        assertTrue(info.contains(" " + follower.name() + ": " + follower.clientUrl() + "\n  └ Status: Unreachable\n"), info);
        awaitLine(streamed, "\"kind\":\"ETCD_MEMBER\"", follower.name());

        // then the leader: one member of three cannot hold a quorum nor elect a leader
        EtcdProcess leading = etcd.members().stream().filter(m -> m.name().equals(leader)).findFirst().orElseThrow();
        leading.kill();
        // (the survivor names the dead leader until its election timeout passes)
        JsonPath down = awaitHealth("trio", "DOWN with the quorum and the leader lost", LIMIT,
                h -> "DOWN".equals(h.getString("status")) && h.getList("reasons").contains("etcd members 1 of 3 up: quorum lost")
                        && h.getList("reasons").contains("no etcd leader"));
        assertTrue(down.getList("reasons").contains("etcd member " + leading.name() + " unreachable"), down.prettify());
        assertFalse(down.getBoolean("etcdQuorum.held"));
        awaitHealth("trio-v2", "DOWN", LIMIT, h -> "DOWN".equals(h.getString("status")));

        follower.start();
        leading.start();
        JsonPath healed = awaitStatus("trio", "HEALTHY", LIMIT);
        assertEquals(List.of(), healed.getList("reasons"));
        assertEquals(List.of(true, true, true), healed.getList("etcd.reachable"));
        awaitStatus("trio-v2", "HEALTHY", LIMIT);

        List<String> transitions = Api.events("trio").getList("findAll { it.kind == 'HEALTH' }.collect { it.from + '>' + it.to }");
        // the first poll may come while the three members still form (UNKNOWN>DEGRADED>HEALTHY): judged from the first HEALTHY on
        int formed = transitions.indexOf(transitions.stream().filter(t -> t.endsWith(">HEALTHY")).findFirst().orElseThrow());
        assertEquals(List.of("HEALTHY>DEGRADED", "DEGRADED>DOWN"), transitions.subList(formed + 1, formed + 3), transitions.toString());
        assertTrue(transitions.get(transitions.size() - 1).endsWith(">HEALTHY"), transitions.toString());
        List<String> members = Api.events("trio").getList("findAll { it.kind == 'ETCD_MEMBER' }.collect { it.subject + ' ' + it.to }");
        int followerDown = members.lastIndexOf(follower.name() + " down");
        assertTrue(followerDown >= 0 && members.lastIndexOf(leading.name() + " down") > followerDown, "the follower, then the leader: " + members);
        assertTrue(members.containsAll(List.of(follower.name() + " up", leading.name() + " up")), members.toString());
        List<String> leaders = Api.events("trio").getList("findAll { it.kind == 'ETCD_LEADER' }.collect { it.from + '>' + it.to }");
        assertEquals(leader + ">none", leaders.get(0), leaders.toString());
        assertTrue(leaders.get(leaders.size() - 1).startsWith("none>"), leaders.toString());
        assertNotNull(Api.events("trio").getString("[0].time"));
    }

    /** Follows the live stream (events/stream) in the background, collecting its data lines. */
    List<String> followEvents() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(eventStream).header("Accept", "text/event-stream")
                .header("Authorization", TestApiToken.HEADER).build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            lines.add("status " + r.statusCode() + " " + r.headers().firstValue("content-type").orElse(""));
            r.body().forEach(lines::add);
        });
        Await.until("the event stream to open", Duration.ofSeconds(10), () -> lines,
                l -> !l.isEmpty());
        assertTrue(lines.get(0).startsWith("status 200 text/event-stream"), lines.toString());
        return lines;
    }

    static void awaitLine(List<String> lines, String... parts) {
        Await.until("an event with " + List.of(parts) + " on the stream", LIMIT, () -> lines,
                l -> l.stream().anyMatch(line -> line.startsWith("data:") && Stream.of(parts).allMatch(line::contains)));
    }
}
