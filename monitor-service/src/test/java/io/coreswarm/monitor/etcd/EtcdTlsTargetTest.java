package io.coreswarm.monitor.etcd;

import static io.coreswarm.monitor.support.Api.awaitHealth;
import static io.coreswarm.monitor.support.Api.awaitStatus;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.coreswarm.api.health.TargetTls;
import io.coreswarm.monitor.support.Api;
import io.coreswarm.monitor.support.LogCapture;
import io.coreswarm.monitor.support.TlsEtcd;
import io.coreswarm.pki.ClusterPki;
import io.coreswarm.testsupport.EtcdProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A real three-member etcd serving clients over TLS with client-certificate auth, as a coreswarm
 * node's etcd does, watched through both APIs: with the cluster's CA and client certificate it is
 * HEALTHY with its members; with another cluster's files, or in plain http on the same ports,
 * nothing answers; a member killed is DEGRADED naming it. No key reaches a response or a log line.
 */
@QuarkusTest
class EtcdTlsTargetTest {
    static final Duration LIMIT = Duration.ofSeconds(60);
    static TlsEtcd etcd;
    static TargetTls otherCluster;

    @BeforeAll
    static void startEtcd() {
        Path work = Path.of("target", "etcd-tls-" + ProcessHandle.current().pid()).toAbsolutePath();
        etcd = new TlsEtcd("tls", 3, work);
        otherCluster = TlsEtcd.tls(ClusterPki.create(work.resolve("other-pki"), "other").layout().clientDir());
    }

    @AfterEach
    void forgetTargets() {
        Api.deleteTarget("tls");
        Api.deleteTarget("tls-v2");
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    static void put(String name, List<String> etcdEndpoints, String api, TargetTls tls) {
        Map<String, Object> body = new HashMap<>(Map.of("dockerEndpoints", List.of(), "etcdEndpoints", etcdEndpoints,
                "swarm", "mode", "etcdApi", api));
        if (tls != null) {
            body.put("tls", TlsEtcd.json(tls));
        }
        String answer = given().contentType("application/json").body(body).put("/v1/targets/" + name)
                .then().statusCode(200).extract().asString();
        assertFalse(answer.contains("PRIVATE KEY"), answer);
    }

    /** UNKNOWN after a poll (before one, a target is UNKNOWN "not polled yet"). */
    static JsonPath awaitUnanswered(String name) {
        return awaitHealth(name, "UNKNOWN, etcd unanswered", LIMIT, h -> "UNKNOWN".equals(h.getString("status"))
                && h.getString("reasons[0]").startsWith("etcd: no endpoint answers ("));
    }

    @Test
    void withItsClientCertificateItIsHealthyWithoutNothingAnswersAndAKilledMemberDegrades() {
        try (LogCapture log = LogCapture.install()) {
            // another cluster's CA and client certificate: neither side trusts the other
            put("tls", etcd.httpsUrls(), "v3", otherCluster);
            put("tls-v2", etcd.httpsUrls(), "v2", otherCluster);
            JsonPath foreign = awaitUnanswered("tls");
            JsonPath foreignV2 = awaitUnanswered("tls-v2");
            // the monitor trusts the other cluster's CA only, so it refuses this cluster's server certificates
            assertTrue(foreign.getString("reasons[0]").contains("unable to find valid certification path"), foreign.prettify());
            assertTrue(foreignV2.getString("reasons[0]").contains("unable to find valid certification path"), foreignV2.prettify());

            // the same ports in plain http, without tls: a TLS member does not speak it
            put("tls-v2", etcd.httpUrls(), "v2", null);
            JsonPath plain = awaitHealth("tls-v2", "UNKNOWN in plain http", LIMIT,
                    h -> "UNKNOWN".equals(h.getString("status")) && h.getString("reasons[0]").contains(etcd.httpUrls().get(0)));
            assertTrue(plain.getString("reasons[0]").startsWith("etcd: no endpoint answers ("), plain.prettify());

            // the cluster's own files: the clients are made again with them
            put("tls", etcd.httpsUrls(), "v3", etcd.clientTls());
            put("tls-v2", etcd.httpsUrls(), "v2", etcd.clientTls());
            JsonPath healthy = awaitStatus("tls", "HEALTHY", LIMIT);
            assertEquals(3, healthy.getList("etcd").size(), healthy.prettify());
            assertEquals(List.of(true, true, true), healthy.getList("etcd.reachable"));
            assertEquals(etcd.httpsUrls().stream().sorted().toList(), healthy.getList("etcd.endpoint", String.class).stream().sorted().toList());
            assertEquals(3, healthy.getInt("etcdQuorum.members"));
            String leader = healthy.getString("etcdLeader");
            JsonPath healthyV2 = awaitStatus("tls-v2", "HEALTHY", LIMIT);
            assertEquals(List.of(true, true, true), healthyV2.getList("etcd.reachable"));
            assertEquals(leader, healthyV2.getString("etcdLeader"), "both APIs see the same leader");
            assertEquals("3.4.23", healthyV2.getString("etcd[0].version"));

            String target = given().get("/v1/targets/tls").then().statusCode(200).extract().asString();
            assertTrue(target.contains("BEGIN CERTIFICATE"), target);
            assertFalse(target.contains("PRIVATE KEY"), target);
            String info = Api.info("tls");
            assertTrue(info.contains(" Members: 3 (3 up, majority 2)\n"), info);

            EtcdProcess follower = etcd.members.stream().filter(m -> !m.name().equals(leader)).findFirst().orElseThrow();
            follower.kill();
            JsonPath degraded = awaitStatus("tls", "DEGRADED", LIMIT);
            assertEquals(List.of("etcd member " + follower.name() + " unreachable"), degraded.getList("reasons"), degraded.prettify());
            JsonPath degradedV2 = awaitStatus("tls-v2", "DEGRADED", LIMIT);
            assertEquals(List.of("etcd member " + follower.name() + " unreachable"), degradedV2.getList("reasons"), degradedV2.prettify());

            String logged = log.text();
            // the capture sees the service's lines, this target's with its TLS among them
            assertTrue(logged.contains("target tls changed: MonitorTarget[name=tls"), logged);
            assertTrue(logged.contains("tls=TargetTls[ca, cert, key: set]"), logged);
            assertFalse(logged.contains("PRIVATE KEY"), logged);
            for (TargetTls tls : List.of(etcd.clientTls(), otherCluster)) {
                assertFalse(logged.contains(tls.key().lines().skip(1).findFirst().orElseThrow()), logged);
            }
        }
    }
}
