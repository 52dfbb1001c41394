package io.coreswarm.config.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdCluster;
import io.coreswarm.testsupport.EtcdProcess;
import io.coreswarm.testsupport.Exec;

/**
 * Two packaged config-service replicas against a real 3-member etcd, as a user runs them: a token
 * minted on A is answered by B; a member registered through B wakes a {@code wait=true} poll held
 * by A; real etcd processes bootstrap a cluster through B with a token minted on A;
 * {@code /v1/replicas} on either lists both; after both replicas restart the tokens still answer;
 * with the store's etcd leader killed, both keep serving discovery; with no etcd left, both answer
 * 503 problems in time.
 */
class ConfigReplicasIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir = Path.of("target", "config-replicas-it", Long.toString(System.nanoTime()));
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void anyReplicaAnswersAnyTokenThroughRestartsAndALostEtcdLeader() throws Exception {
        EtcdCluster etcd = new EtcdCluster("store", 3, dir.resolve("etcd")).start();
        running.add(etcd);
        Map<String, String> options = Map.of("coreswarm.store", "etcd", "coreswarm.etcd.endpoints", String.join(",", etcd.clientUrls()),
                "coreswarm.etcd.lease-ttl", "3s", "coreswarm.etcd.timeout", "2s", "coreswarm.discovery.wait-timeout", "5s");
        ConfigServiceReplica a = replica("a", options);
        ConfigServiceReplica b = replica("b", options);
        a.start();
        b.start();
        a.awaitReady();
        b.awaitReady();

        // minted on A, answered by B
        HttpResponse<String> minted = a.get("/v1/discovery/new?size=3");
        assertEquals(200, minted.statusCode(), minted.body());
        String token = minted.body().substring(minted.body().lastIndexOf('/') + 1).trim();
        assertTrue(minted.body().startsWith(a.base()), minted.body());
        assertEquals("3", json(b.get("/v1/discovery/" + token + "/_config/size")).at("/node/value").asText());

        // etcd's discovery client on A: read the members at index I, then wait from I+1; B registers one
        HttpResponse<String> listed = a.get("/v1/discovery/" + token);
        long index = Long.parseLong(listed.headers().firstValue("X-Etcd-Index").orElseThrow());
        var poll = a.poll("/v1/discovery/" + token + "?wait=true&recursive=true&waitIndex=" + (index + 1));
        Thread.sleep(500);
        assertFalse(poll.isDone(), "nothing to answer yet");
        HttpResponse<String> registered = b.put("/v1/discovery/" + token + "/m1?prevExist=false", "n1=http://10.0.0.1:2380");
        assertEquals(201, registered.statusCode(), registered.body());
        JsonNode woke = json(poll.get(10, TimeUnit.SECONDS));
        assertEquals("create", woke.at("/action").asText());
        assertEquals("n1=http://10.0.0.1:2380", woke.at("/node/value").asText());
        assertEquals(412, b.put("/v1/discovery/" + token + "/m1?prevExist=false", "again").statusCode(), "created once, whichever replica");
        assertEquals(412, a.put("/v1/discovery/" + token + "/m1?prevExist=false", "again").statusCode());

        for (ConfigServiceReplica r : List.of(a, b)) {
            Await.until("/v1/replicas on " + r.id() + " lists both", Duration.ofSeconds(10), () -> replicaIds(r), ids -> ids.equals(Set.of("a", "b")));
        }

        // real etcd members bootstrap through a token minted on A, asking B (all of one cluster must be
        // given the same URL: etcd derives the cluster's and members' ids from it)
        String cluster = a.get("/v1/discovery/new?size=3").body().trim();
        String clusterToken = cluster.substring(cluster.lastIndexOf('/') + 1);
        List<EtcdProcess> members = new ArrayList<>();
        for (String name : List.of("n1", "n2", "n3")) {
            String url = b.base() + "/v1/discovery/" + clusterToken;
            EtcdProcess member = EtcdProcess.start(name, dir.resolve("bootstrapped"), List.of("--discovery", url));
            members.add(member);
            running.add(member);
        }
        String endpoints = members.stream().map(EtcdProcess::clientUrl).collect(Collectors.joining(","));
        Await.until("a 3-member etcd formed through discovery", Duration.ofSeconds(60), Duration.ofMillis(500),
                () -> startedMembers(endpoints, members), n -> n == 3);

        // both replicas restart: the tokens are in etcd, not in them
        a.stop();
        b.stop();
        a.start();
        b.start();
        a.awaitReady();
        b.awaitReady();
        assertEquals("n1=http://10.0.0.1:2380", json(b.get("/v1/discovery/" + token + "/m1")).at("/node/value").asText());
        assertEquals(3, json(a.get("/v1/discovery/" + clusterToken)).at("/node/nodes").size());

        // the store's etcd leader dies: both replicas keep serving discovery
        etcd.leader().kill();
        HttpResponse<String> afterLoss = Await.until("B mints with the leader gone", Duration.ofSeconds(30), Duration.ofMillis(250),
                () -> b.get("/v1/discovery/new?size=1"), r -> r.statusCode() == 200);
        String third = afterLoss.body().substring(afterLoss.body().lastIndexOf('/') + 1).trim();
        long now = Long.parseLong(a.get("/v1/discovery/" + third).headers().firstValue("X-Etcd-Index").orElseThrow());
        var waiting = b.poll("/v1/discovery/" + third + "?wait=true&recursive=true&waitIndex=" + (now + 1));
        assertEquals(201, a.put("/v1/discovery/" + third + "/m1?prevExist=false", "n1=http://10.0.0.9:2380").statusCode());
        assertEquals("n1=http://10.0.0.9:2380", json(waiting.get(10, TimeUnit.SECONDS)).at("/node/value").asText());
        assertEquals("3", json(a.get("/v1/discovery/" + token + "/_config/size")).at("/node/value").asText());
        for (ConfigServiceReplica r : List.of(a, b)) {
            assertEquals(Set.of("a", "b"), replicaIds(r));
        }

        // no etcd at all: a bounded 503 problem, not a hung request nor an etcd-shaped "not found"
        etcd.members().forEach(EtcdProcess::kill);
        for (ConfigServiceReplica r : List.of(a, b)) {
            long started = System.nanoTime();
            HttpResponse<String> unavailable = r.get("/v1/discovery/" + token + "/m1");
            assertEquals(503, unavailable.statusCode(), unavailable.body());
            assertEquals("application/problem+json", unavailable.headers().firstValue("Content-Type").orElse(""));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10), "answered within the store's timeout");
        }
    }

    private ConfigServiceReplica replica(String id, Map<String, String> options) {
        ConfigServiceReplica replica = new ConfigServiceReplica(id, dir, options);
        running.add(replica);
        return replica;
    }

    private static Set<String> replicaIds(ConfigServiceReplica r) throws Exception {
        HttpResponse<String> response = r.get("/v1/replicas");
        assertEquals(200, response.statusCode(), response.body());
        Set<String> ids = new TreeSet<>();
        json(response).forEach(replica -> ids.add(replica.get("id").asText()));
        return ids;
    }

    /** Members that have started (named, with client URLs), as {@code etcdctl member list} says. */
    private static int startedMembers(String endpoints, List<EtcdProcess> members) throws Exception {
        for (EtcdProcess m : members) {
            if (!m.isAlive()) {
                throw new AssertionError(m.name() + " exited:\n" + m.output());
            }
        }
        Exec list = Exec.run(List.of("etcdctl", "--endpoints", endpoints, "--dial-timeout", "2s", "--command-timeout", "5s",
                "member", "list", "-w", "json"));
        if (list.exitCode() != 0) {
            return 0;
        }
        int started = 0;
        for (JsonNode m : JSON.readTree(list.output()).path("members")) {
            if (!m.path("name").asText().isEmpty() && m.path("clientURLs").size() > 0) {
                started++;
            }
        }
        return started;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
