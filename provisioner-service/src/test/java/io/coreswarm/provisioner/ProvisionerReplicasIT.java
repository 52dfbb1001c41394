package io.coreswarm.provisioner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.coreswarm.provisioner.support.ConfigServiceProcess;
import io.coreswarm.provisioner.support.HostDocker;
import io.coreswarm.testsupport.ServiceReplica;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdCluster;
import io.coreswarm.testsupport.Exec;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Two packaged provisioner replicas over a real 3-member etcd, with real dockerd and vagrant: a
 * cluster created through A is read and operated through B (forwarded to A, its owner); an
 * operation asked of B while one runs on A is refused 409 (A holds the cluster's etcd lock); both
 * keep serving reads when the etcd leader dies; with A killed, B shows the cluster Unknown naming A
 * and refuses to operate it; A started again destroys it, leaving nothing on the host.
 */
class ProvisionerReplicasIT {
    static final String NAME = "replicas";
    /** fresh for each run: etcd members must not meet an earlier run's data */
    static Path work;
    static final ConfigServiceProcess CONFIG = new ConfigServiceProcess();
    static EtcdCluster etcd;
    static final Duration READY = Duration.ofSeconds(60);
    static ServiceReplica a;
    static ServiceReplica b;
    static Set<String> volumesBefore;

    @BeforeAll
    static void start() throws java.io.IOException {
        work = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(Path.of("target")), "replicas-it-").toAbsolutePath();
        HostDocker.removeLeftovers(NAME);
        volumesBefore = HostDocker.volumes();
        etcd = new EtcdCluster("prov-replicas", 3, work.resolve("etcd")).start();
        Map<String, String> configUrl = CONFIG.start();
        a = replica("provisioner-a", work.resolve("workspaces-a"), configUrl).start().awaitReady(READY);
        b = replica("provisioner-b", work.resolve("workspaces-b"), configUrl).start().awaitReady(READY);
    }

    /** A provisioner on etcd with its own workspaces, so that it can be killed and started again as the same replica. */
    static ServiceReplica replica(String id, Path workspaces, Map<String, String> configUrl) {
        return new ServiceReplica(id, ServiceReplica.ownJar(), Map.of("coreswarm.store", "etcd",
                "coreswarm.etcd.endpoints", String.join(",", etcd.clientUrls()), "coreswarm.etcd.lease-ttl", "3s",
                "coreswarm.etcd.timeout", "3s", "coreswarm.provisioner.workspaces", workspaces.toString(),
                "quarkus.rest-client.monitor-service.url", "http://localhost:1",
                "quarkus.rest-client.config-service.url", configUrl.get("quarkus.rest-client.config-service.url")));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ServiceReplica r : new ServiceReplica[] { a, b }) {
            if (r != null) {
                r.stop();
            }
        }
        CONFIG.stop();
        if (etcd != null) {
            etcd.close();
        }
        HostDocker.removeLeftovers(NAME);
    }

    static RequestSpecification at(ServiceReplica r) {
        return given().baseUri("http://127.0.0.1").port(r.port());
    }

    @Test
    void aClusterCreatedThroughOneReplicaIsReadAndOperatedThroughTheOther() throws Exception {
        String create = at(a).contentType("application/json").body("{\"name\":\"" + NAME + "\",\"nodes\":1}")
                .post("/v1/clusters").then().statusCode(202).extract().path("id");

        // one operation per cluster across replicas: A holds the lock in etcd, B's request is refused
        assertEquals("provisioner-a", etcdGet("/coreswarm/provisioner/locks/" + NAME), "A holds the cluster's lock while it creates it");
        at(b).post("/v1/clusters/" + NAME + "/halt").then().statusCode(409)
                .body("detail", containsString("busy with operation " + create));
        // the name is taken for every replica
        at(b).contentType("application/json").body("{\"name\":\"" + NAME + "\",\"nodes\":1}")
                .post("/v1/clusters").then().statusCode(409);
        // the log is on A's host: B redirects there
        at(b).redirects().follow(false).get("/v1/operations/" + create + "/log").then().statusCode(307)
                .header("Location", startsWith(a.url() + "/v1/operations/" + create + "/log"));

        awaitSucceeded(b, create);
        // released right after the operation's record says it ended
        Await.until("the lock to be released", Duration.ofSeconds(5), () -> etcdGet("/coreswarm/provisioner/locks/" + NAME).isEmpty());
        at(b).get("/v1/clusters/" + NAME).then().statusCode(200).body("phase", equalTo("Running"));
        JsonPath replicas = at(b).get("/v1/replicas").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("provisioner-a", "provisioner-b"), replicas.getList("id"));
        assertEquals(List.of(NAME), replicas.getList("find { it.id == 'provisioner-a' }.holds"));
        assertEquals(List.of(), replicas.getList("find { it.id == 'provisioner-b' }.holds"));

        // a body forwarded as it was sent: A reads it (and finds nothing to do)
        at(b).contentType("application/json").body("{\"nodes\":1}").post("/v1/clusters/" + NAME + "/scale").then().statusCode(409)
                .header("X-Coreswarm-Replica", "provisioner-a").body("detail", containsString("already has 1 nodes"));

        // an operation through B runs on A, the owner
        String halt = at(b).post("/v1/clusters/" + NAME + "/halt").then().statusCode(202)
                .header("X-Coreswarm-Replica", "provisioner-a").extract().path("id");
        awaitSucceeded(b, halt);
        at(b).get("/v1/clusters/" + NAME).then().statusCode(200).body("phase", equalTo("Halted"));
        String resume = at(b).post("/v1/clusters/" + NAME + "/resume").then().statusCode(202).extract().path("id");
        awaitSucceeded(a, resume);
        at(b).get("/v1/clusters/" + NAME + "/env").then().statusCode(200).body(containsString("DOCKER_HOST"));

        // the etcd leader dies: both keep answering reads
        etcd.leader().kill();
        for (ServiceReplica r : List.of(a, b)) {
            Await.until("replica " + r.id() + " to read the cluster with the etcd leader dead", Duration.ofSeconds(20),
                    () -> at(r).get("/v1/clusters/" + NAME).statusCode() == 200);
            at(r).get("/v1/operations/" + halt).then().statusCode(200).body("state", equalTo("succeeded"));
        }

        // A dies: within its lease's TTL B shows the cluster Unknown, naming A, and will not operate it
        a.kill();
        Await.until("B to show the cluster Unknown", Duration.ofSeconds(20),
                () -> "Unknown".equals(at(b).get("/v1/clusters/" + NAME).path("phase")));
        at(b).get("/v1/clusters/" + NAME).then().statusCode(200)
                .body("conditions.find { it.type == 'OwnerAvailable' }.reason", equalTo("OwnerGone"))
                .body("conditions.find { it.type == 'OwnerAvailable' }.message", containsString("provisioner-a"));
        at(b).post("/v1/clusters/" + NAME + "/halt").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("provisioner-a"));
        assertEquals(List.of("provisioner-b"), at(b).get("/v1/replicas").jsonPath().getList("id"));

        // A back: the cluster is its again, and destroyed through B
        a.start().awaitReady(READY);
        Await.until("B to see A's cluster again", Duration.ofSeconds(20),
                () -> !"Unknown".equals(at(b).get("/v1/clusters/" + NAME).path("phase")));
        // the lock is the store's: while another replica holds it (as etcdctl writes it here), the owner refuses too
        etcdPut("/coreswarm/provisioner/locks/" + NAME, "provisioner-x");
        at(b).delete("/v1/clusters/" + NAME).then().statusCode(409).body("detail", containsString("provisioner-x"));
        etcdPut("/coreswarm/provisioner/locks/" + NAME, null);
        Await.until("the destroy to be accepted (A reconciles after its start)", Duration.ofSeconds(60), () -> {
            var answer = at(b).delete("/v1/clusters/" + NAME);
            if (answer.statusCode() == 202) {
                awaitEnded(b, answer.path("id"));
            }
            return at(b).get("/v1/clusters/" + NAME).statusCode() == 404;
        });
        HostDocker.assertNothingLeft(NAME, volumesBefore);
        assertTrue(at(a).get("/v1/clusters").jsonPath().getList("name").isEmpty(), "no cluster left");
    }

    static String etcdGet(String key) {
        Exec get = Exec.run(List.of("etcdctl", "--endpoints", String.join(",", etcd.clientUrls()), "--command-timeout=3s", "get", key,
                "--print-value-only"));
        assertEquals(0, get.exitCode(), get.output());
        return get.output().strip();
    }

    /** Writes {@code key} (deletes it for a null value) with etcdctl. */
    static void etcdPut(String key, String value) {
        List<String> command = new java.util.ArrayList<>(List.of("etcdctl", "--endpoints", String.join(",", etcd.clientUrls()),
                "--command-timeout=3s"));
        command.addAll(value == null ? List.of("del", key) : List.of("put", key, value));
        Exec put = Exec.run(command);
        assertEquals(0, put.exitCode(), put.output());
    }

    static void awaitSucceeded(ServiceReplica r, String op) {
        assertEquals("succeeded", awaitEnded(r, op), "operation " + op + ": " + at(r).get("/v1/operations/" + op).asString());
    }

    static String awaitEnded(ServiceReplica r, String op) {
        return Await.until("operation " + op + " to end", Duration.ofMinutes(3), Duration.ofMillis(500),
                () -> at(r).get("/v1/operations/" + op).<String>path("state"), s -> !List.of("queued", "running").contains(s));
    }
}
