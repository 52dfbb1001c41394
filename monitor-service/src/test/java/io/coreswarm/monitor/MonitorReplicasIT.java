package io.coreswarm.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.health.TargetTls;
import io.coreswarm.monitor.support.Receiver;
import io.coreswarm.testsupport.ServiceReplica;
import io.coreswarm.monitor.support.TlsEtcd;
import io.coreswarm.pki.ClusterPki;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdCluster;
import io.coreswarm.testsupport.EtcdProcess;
import io.restassured.path.json.JsonPath;

/**
 * Two replicas of the packaged monitor-service over one real three-member etcd, which is also the
 * cluster they watch (three targets, each listing every member, etcd API v3): the replicas split the
 * targets through their poll claims and both answer the same health for every target; a replica
 * killed with SIGKILL has its targets polled by the other within the lease TTL and a poll (the
 * measured takeover time is printed); a replica started again takes its share back; with the etcd
 * leader killed both replicas go on answering, and the health they answer shows that member down.
 */
class MonitorReplicasIT {
    private static final Duration LEASE_TTL = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final List<String> TARGETS = List.of("alpha", "bravo", "charlie");
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static EtcdCluster etcd;
    private static final List<ServiceReplica> started = new ArrayList<>();
    private static final List<AutoCloseable> closing = new ArrayList<>();
    private static final String SECRET = "replicas-secret-0123456789abcdef";

    @BeforeAll
    static void etcd() {
        Path work = Path.of("target", "etcd-replicas-" + ProcessHandle.current().pid()).toAbsolutePath();
        etcd = new EtcdCluster("replicas", 3, work).start();
        io.coreswarm.testsupport.Exec.run(List.of("rm", "-rf", Path.of("target", "replica-data").toAbsolutePath().toString()));
        Await.until("the etcd cluster elects a leader", LIMIT, () -> {
            etcd.leader();
            return true;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        started.forEach(ServiceReplica::close);
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (etcd != null) {
            etcd.close();
        }
    }

    private static ServiceReplica replica(String id) {
        ServiceReplica r = new ServiceReplica(id, ServiceReplica.ownJar(), Map.of(
                "coreswarm.store", "etcd",
                "coreswarm.etcd.endpoints", String.join(",", etcd.clientUrls()),
                "coreswarm.etcd.namespace", "/coreswarm-it-" + ProcessHandle.current().pid() + "/",
                "coreswarm.etcd.lease-ttl", LEASE_TTL.toSeconds() + "s",
                "coreswarm.etcd.timeout", "2s",
                "coreswarm.monitor.poll-interval", POLL.toSeconds() + "s",
                "coreswarm.monitor.history.flush-interval", "2s",
                "coreswarm.monitor.data-dir", Path.of("target", "replica-data", id).toAbsolutePath().toString())).start();
        started.add(r);
        return r;
    }

    @Test
    void twoReplicasSplitTheTargetsAnswerAlikeTakeOverADeadOneAndOutliveTheEtcdLeader() throws Exception {
        ServiceReplica a = replica("monitor-a");
        ServiceReplica b = replica("monitor-b");
        a.awaitReady(Duration.ofSeconds(60));
        b.awaitReady(Duration.ofSeconds(60));

        String members = etcd.clientUrls().stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(","));
        for (String name : TARGETS) {
            // created through A, read through B
            var put = a.send("PUT", "/v1/targets/" + name,
                    "{\"dockerEndpoints\":[],\"etcdEndpoints\":[" + members + "],\"swarm\":\"mode\",\"etcdApi\":\"v3\"}");
            assertEquals(200, put.statusCode(), put.body());
        }
        Await.until("B lists the targets put through A", LIMIT, () -> names(b.get("/v1/targets")).equals(new TreeSet<>(TARGETS)));

        // the split: each target polled by exactly one replica, both replicas polling some
        Map<String, Set<String>> split = awaitSplit(List.of(a, b));
        System.out.printf("split between the replicas: %s%n", split);

        // both replicas answer every target's health, polled, and the same
        for (String name : TARGETS) {
            Await.until(name + " polled, answered alike by A and B", LIMIT, () -> {
                String fromA = a.get("/v1/clusters/" + name + "/health");
                String fromB = b.get("/v1/clusters/" + name + "/health");
                return JsonPath.from(fromA).getString("checkedAt") != null && fromA.equals(fromB)
                        && "HEALTHY".equals(JsonPath.from(fromA).getString("status"));
            });
            String info = b.get("/v1/clusters/" + name + "/info");
            assertTrue(info.contains("Health: HEALTHY"), info);
        }

        // the history too, on the replica that does not poll the target: what its poller flushed to etcd
        for (String name : TARGETS) {
            Await.until(name + ": both replicas answer its history", LIMIT, () -> List.of(a, b).stream()
                    .allMatch(r -> !JsonPath.from(r.get("/v1/clusters/" + name + "/history")).getList("points").isEmpty()));
        }

        // a target with TLS put through A: B answers it without its key and keeps its files (key 0600) on its own disk
        TargetTls tls = TlsEtcd.tls(ClusterPki.create(Path.of("target", "replicas-pki-" + ProcessHandle.current().pid())
                .toAbsolutePath(), "secure").layout().clientDir());
        var secure = a.send("PUT", "/v1/targets/secure", new ObjectMapper().writeValueAsString(Map.of("dockerEndpoints",
                List.of("tcp://127.0.0.1:1"), "etcdEndpoints", List.of("https://127.0.0.1:1"), "tls", TlsEtcd.json(tls))));
        assertEquals(200, secure.statusCode(), secure.body());
        Path keyOnB = Path.of("target", "replica-data", b.id(), "targets", "secure", "tls", "key.pem");
        Await.until("B keeps the TLS files of the target put through A", LIMIT, () -> java.nio.file.Files.exists(keyOnB));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(keyOnB)));
        // B's copy follows an etcd watch: its files are written a moment before the target shows
        String shown = Await.until("B answers the target put through A", LIMIT, () -> b.send("GET", "/v1/targets/secure", null),
                r -> r.statusCode() == 200).body();
        assertTrue(JsonPath.from(shown).getString("tls.cert") != null && JsonPath.from(shown).getString("tls.key") == null, shown);
        assertEquals(204, b.send("DELETE", "/v1/targets/secure", null).statusCode());
        Await.until("A drops the TLS files of the target removed through B", LIMIT,
                () -> !java.nio.file.Files.exists(Path.of("target", "replica-data", a.id(), "targets", "secure")));
        for (ServiceReplica r : List.of(a, b)) {
            String log = java.nio.file.Files.readString(Path.of("target", r.id() + ".log"));
            assertTrue(!log.contains("PRIVATE KEY") && !log.contains(tls.key().lines().skip(1).findFirst().orElseThrow()), r.id() + " logged the key");
        }
        split = awaitSplit(List.of(a, b));

        // A dies without a word: B polls A's targets within the lease TTL and a poll
        Set<String> heldByA = split.get(a.id());
        Map<String, Instant> before = new HashMap<>();
        for (String name : heldByA) {
            before.put(name, checkedAt(b, name));
        }
        long killedAt = System.nanoTime();
        a.kill();
        Map<String, Duration> takenOver = new HashMap<>();
        Await.until("B polls A's targets " + heldByA, LIMIT, Duration.ofMillis(100), () -> {
            for (String name : heldByA) {
                if (!takenOver.containsKey(name) && checkedAt(b, name).isAfter(before.get(name).plus(POLL))) {
                    takenOver.put(name, Duration.ofNanos(System.nanoTime() - killedAt));
                }
            }
            return takenOver.size() == heldByA.size();
        }, done -> done);
        Duration takeover = takenOver.values().stream().max(Duration::compareTo).orElseThrow();
        System.out.printf("TAKEOVER: %d ms from SIGKILL of A until B's health of each of A's targets %s advanced (lease TTL %d s,"
                + " poll interval %d s): %s%n", takeover.toMillis(), heldByA, LEASE_TTL.toSeconds(), POLL.toSeconds(), takenOver);
        assertTrue(takeover.compareTo(LEASE_TTL.plus(POLL).plus(POLL).plus(Duration.ofSeconds(2))) < 0,
                "taken over in " + takeover.toMillis() + " ms");
        Map<String, Set<String>> alone = awaitSplit(List.of(b));
        assertEquals(new TreeSet<>(TARGETS), alone.get(b.id()));

        // A again (a new process): it takes its share back
        ServiceReplica a2 = replica("monitor-a2");
        a2.awaitReady(Duration.ofSeconds(60));
        System.out.printf("split after A came back: %s%n", awaitSplit(List.of(a2, b)));
        for (String name : TARGETS) {
            assertEquals(a2.get("/v1/clusters/" + name + "/events"), b.get("/v1/clusters/" + name + "/events"));
        }

        // the etcd leader dies: both replicas go on answering, and the health they answer shows it down
        Map<String, Set<String>> back = awaitSplit(List.of(a2, b));
        String polledByB = back.get(b.id()).iterator().next();
        List<String> streamed = java.util.Collections.synchronizedList(new ArrayList<>());
        // a webhook put through B, known to A, its deliveries sent once whichever replica recorded the event
        Receiver receiver = new Receiver();
        closing.add(receiver);
        var hook = b.send("PUT", "/v1/webhooks/ops", "{\"url\":\"" + receiver.url("/hook") + "\",\"secret\":\"" + SECRET
                + "\",\"events\":[\"ETCD_MEMBER\"]}");
        assertEquals(200, hook.statusCode(), hook.body());
        Await.until("A lists the webhook put through B", LIMIT, () -> a2.get("/v1/webhooks").contains("\"ops\""));
        assertTrue(!a2.get("/v1/webhooks/ops").contains(SECRET) && !b.get("/v1/webhooks").contains(SECRET), "a secret answered");
        EtcdProcess leader = etcd.leader();
        try (AutoCloseable stream = a2.follow("/v1/clusters/" + polledByB + "/events/stream", streamed)) {
            Thread.sleep(500); // the stream is open before the change it should see
            leader.kill();
            // the live stream of A follows the events of a target B polls
            Await.until("A's event stream of " + polledByB + " tells that " + leader.name() + " is unreachable", LIMIT,
                    () -> streamed.stream().anyMatch(l -> l.contains("ETCD_MEMBER") && l.contains(leader.name())));
        }
        System.out.printf("A's stream of %s (polled by B): %s%n", polledByB, streamed);
        List<String> failures = new ArrayList<>();
        for (String name : TARGETS) {
            Await.until(name + ": both replicas answer that " + leader.name() + " is down", LIMIT, () -> {
                boolean down = true;
                for (ServiceReplica r : List.of(a2, b)) {
                    var answer = r.send("GET", "/v1/clusters/" + name + "/health", null);
                    if (answer.statusCode() != 200) {
                        failures.add(r.id() + " " + answer.statusCode() + " " + answer.body());
                        down = false;
                        continue;
                    }
                    down &= memberDown(JsonPath.from(answer.body()), leader.name());
                }
                return down;
            });
        }
        System.out.printf("reads answered other than 200 after the etcd leader's death: %d %s%n", failures.size(), failures);
        assertEquals(List.of(), failures);
        for (String name : TARGETS) {
            // the events are the same on both replicas, whichever recorded them
            Await.until(name + ": both replicas list the member's event", LIMIT, () -> {
                String fromA = a2.get("/v1/clusters/" + name + "/events");
                return fromA.contains(leader.name()) && fromA.equals(b.get("/v1/clusters/" + name + "/events"));
            });
        }
        // one delivery per target (each recorded its member's death once), each sent once
        Await.until("the webhook receives the member's death of every target", LIMIT, () -> receiver.requests().size() >= TARGETS.size());
        Thread.sleep(2 * POLL.toMillis()); // what a second sender would add
        List<String> delivered = receiver.requests().stream().map(r -> JsonPath.from(r.text()).getString("event.cluster")).sorted().toList();
        System.out.printf("webhook deliveries: %d for %s%n", receiver.requests().size(), delivered);
        assertEquals(TARGETS, delivered);
        assertEquals(TARGETS.size(), receiver.requests().stream().map(r -> r.header("X-Coreswarm-Delivery")).distinct().count());
        Map<String, Set<String>> after = awaitSplit(List.of(a2, b));
        System.out.printf("split with the etcd leader dead: %s%n", after);
        // and the targets are still polled: checkedAt advances on both replicas' answers
        for (String name : TARGETS) {
            Instant then = checkedAt(a2, name);
            Await.until(name + " still polled", LIMIT, () -> checkedAt(b, name).isAfter(then));
        }
    }

    /** Waits until the live replicas hold every target between them, each target once and each replica some; replica id to holds. */
    private static Map<String, Set<String>> awaitSplit(List<ServiceReplica> replicas) {
        return Await.until("the targets split between " + replicas.stream().map(ServiceReplica::id).toList(), LIMIT,
                Duration.ofMillis(200), () -> {
                    JsonPath listed = JsonPath.from(replicas.get(0).get("/v1/replicas"));
                    Map<String, Set<String>> holds = new HashMap<>();
                    List<Map<String, Object>> all = listed.getList("$");
                    for (Map<String, Object> r : all) {
                        @SuppressWarnings("unchecked")
                        List<String> held = (List<String>) r.get("holds");
                        holds.put((String) r.get("id"), new TreeSet<>(held));
                    }
                    return holds;
                }, holds -> {
                    if (!holds.keySet().equals(replicas.stream().map(ServiceReplica::id).collect(Collectors.toSet()))) {
                        return false;
                    }
                    List<String> every = holds.values().stream().flatMap(Set::stream).sorted().toList();
                    int fair = (TARGETS.size() + replicas.size() - 1) / replicas.size();
                    return every.equals(TARGETS) && holds.values().stream().allMatch(h -> !h.isEmpty() && h.size() <= fair);
                });
    }

    private static Set<String> names(String targets) {
        return new TreeSet<>(JsonPath.from(targets).getList("name"));
    }

    private static Instant checkedAt(ServiceReplica r, String name) {
        String at = JsonPath.from(r.get("/v1/clusters/" + name + "/health")).getString("checkedAt");
        return at == null ? Instant.EPOCH : Instant.parse(at);
    }

    private static boolean memberDown(JsonPath health, String member) {
        List<Map<String, Object>> etcdMembers = health.getList("etcd");
        return etcdMembers.stream().anyMatch(m -> member.equals(m.get("name")) && Boolean.FALSE.equals(m.get("reachable")));
    }
}
