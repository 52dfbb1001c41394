package io.coreswarm.monitor.docker;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.coreswarm.api.health.TargetTls;
import io.coreswarm.monitor.support.Api;
import io.coreswarm.monitor.support.LogCapture;
import io.coreswarm.monitor.support.TlsDockerNode;
import io.coreswarm.monitor.support.TlsEtcd;
import io.coreswarm.pki.ClusterPki;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A real dockerd serving {@code --tlsverify} on 2376 in a node container (a single-manager Swarm
 * mode cluster), watched with its cluster's CA and client certificate: HEALTHY with the node, its
 * engine in the info view. In plain TCP, or with another cluster's files, nothing answers. The
 * key reaches neither an answer nor a log line. Needs dockerd and the node image; run under
 * {@code flock /tmp/coreswarm-e2e.lock}.
 */
@Tag("e2e")
@QuarkusTest
class DockerTlsTargetTest {
    static final Duration LIMIT = Duration.ofSeconds(60);
    static TlsDockerNode node;
    static TargetTls otherCluster;

    @BeforeAll
    static void startNode() {
        Path work = Path.of("target", "docker-tls-" + ProcessHandle.current().pid()).toAbsolutePath();
        node = new TlsDockerNode("cs-monitor-tls", work).start();
        otherCluster = TlsEtcd.tls(ClusterPki.create(work.resolve("other-pki"), "other").layout().clientDir());
    }

    @AfterEach
    void forget() {
        Api.deleteTarget("tls-engine");
    }

    @AfterAll
    static void removeNode() {
        node.close();
        assertEquals(List.of(), node.labelled(), "no container or network left");
    }

    static void put(TargetTls tls) {
        Map<String, Object> body = new HashMap<>(Map.of("dockerEndpoints", List.of(node.dockerEndpoint()), "etcdEndpoints", List.of(),
                "swarm", "mode"));
        if (tls != null) {
            body.put("tls", TlsEtcd.json(tls));
        }
        String answer = given().contentType("application/json").body(body).put("/v1/targets/tls-engine")
                .then().statusCode(200).extract().asString();
        assertFalse(answer.contains("PRIVATE KEY"), answer);
    }

    static JsonPath awaitUnanswered(String detail) {
        return awaitHealth("tls-engine", "UNKNOWN: " + detail, LIMIT, h -> "UNKNOWN".equals(h.getString("status"))
                && h.getString("reasons[0]").startsWith("docker: no endpoint answers (") && h.getString("reasons[0]").contains(detail));
    }

    @Test
    void withTheClustersClientCertificateTheEngineAndItsSwarmAreSeenWithoutNothingAnswers() {
        try (LogCapture log = LogCapture.install()) {
            // plain TCP to a TLS port: dockerd answers every request with a 400
            put(null);
            awaitUnanswered("Client sent an HTTP request to an HTTPS server");

            // another cluster's CA and client certificate: the monitor does not trust the engine's certificate
            put(otherCluster);
            awaitUnanswered("unable to find valid certification path");

            // the cluster's own files: its clients are made again with them
            put(TlsEtcd.tls(node.clientDir()));
            JsonPath healthy = awaitStatus("tls-engine", "HEALTHY", LIMIT);
            assertEquals(List.of(TlsDockerNode.NODE), healthy.getList("swarm.hostname"), healthy.prettify());
            assertEquals(TlsDockerNode.NODE, healthy.getString("swarmLeader"));
            assertEquals(List.of("ready"), healthy.getList("swarm.state"));
            String info = Api.info("tls-engine");
            assertTrue(info.contains("\nServer Version: "), info);
            assertTrue(info.contains("\nManagers: 1 (1 reachable, majority 1)\nLeader: core-01\nNodes: 1\n"), info);
            assertTrue(info.contains(" core-01: "), info);

            String target = given().get("/v1/targets/tls-engine").then().statusCode(200).extract().asString();
            assertFalse(target.contains("PRIVATE KEY"), target);
            String logged = log.text();
            // the capture sees the service's lines, this target's with its TLS among them
            assertTrue(logged.contains("target tls-engine changed: MonitorTarget[name=tls-engine"), logged);
            assertTrue(logged.contains("tls=TargetTls[ca, cert, key: set]"), logged);
            assertFalse(logged.contains("PRIVATE KEY"), logged);
            for (TargetTls tls : List.of(TlsEtcd.tls(node.clientDir()), otherCluster)) {
                assertFalse(logged.contains(tls.key().lines().skip(1).findFirst().orElseThrow()), logged);
            }
        }
    }
}
