package io.coreswarm.provisioner.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeState;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.docker.TlsFiles;
import io.coreswarm.pki.ClientTls;
import io.coreswarm.provisioner.support.Api;
import io.coreswarm.provisioner.support.ClusterCerts;
import io.coreswarm.provisioner.support.ConfigServiceProcess;
import io.coreswarm.provisioner.support.HostDocker;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.cluster.Member;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * End to end (slow, minutes): the whole life of a 3-node local TLS cluster (the default) with the
 * real vagrant, dockerd and etcd: created, scaled to 4 and back, halted and resumed, its certificates regenerated with a new CA, destroyed
 * without a trace; docker-java and jetcd reach it only with the client certificate of
 * {@code GET /certs}, and each node's certificate folder comes with its machine and goes with it.
 * Tagged {@code e2e}: {@code -DexcludedGroups=e2e} leaves it out of a quick run.
 */
@Tag("e2e")
@QuarkusTest
@QuarkusTestResource(value = ConfigServiceProcess.class, restrictToAnnotatedClass = true)
class ClusterLifecycleTest {
    static final String NAME = "e2e";
    static final Duration SLOW = Duration.ofMinutes(5);
    /** the client folder of GET /certs */
    static TlsFiles tls;

    @BeforeAll
    static void cleanSlate() {
        assertTrue(HostDocker.imageExists(NodeLayout.NODE_IMAGE), "the node image is missing: run scripts/node-image (scripts/test does)");
        HostDocker.removeLeftovers(NAME);
    }

    @Test
    void createScaleHaltResumeDestroy() throws Exception {
        Set<String> volumesBefore = HostDocker.volumes();

        JsonPath create = Api.await(Api.start("POST", "/v1/clusters", "{\"name\":\"" + NAME + "\",\"nodes\":3}"), SLOW);
        assertEquals(3, create.getInt("progress.nodesTotal"));
        JsonPath cluster = given().get("/v1/clusters/" + NAME).then().statusCode(200)
                .body("phase", equalTo("Running"))
                .body("nodes.state", everyItem(equalTo("running")))
                .body("nodes.confirmedAt", everyItem(notNullValue()))
                .body("nodes.swarmRole", everyItem(equalTo("manager")))
                .extract().jsonPath();
        String dockerHost = cluster.getString("endpoints.dockerHost");
        List<String> etcdEndpoints = cluster.getList("endpoints.etcd");
        assertTrue(dockerHost.endsWith(":" + NodeLayout.DOCKER_TLS_PORT), dockerHost);
        etcdEndpoints.forEach(e -> assertTrue(e.startsWith("https://"), e));
        assertEquals("True", cluster.getString("conditions.find { it.type == 'Secure' }.status"), cluster.prettify());
        tls = ClusterCerts.download(NAME);
        assertEquals(machines(3), readySwarmNodes(dockerHost));
        assertEquals(machines(3), startedEtcdMembers(etcdEndpoints));
        String env = given().get("/v1/clusters/" + NAME + "/env").then().statusCode(200)
                .body(containsString("export DOCKER_HOST=\"" + dockerHost + "\""))
                .body(containsString("export DOCKER_TLS_VERIFY=\"1\"")).extract().asString();
        Path pkiNodes = Path.of(env.replaceAll("(?s).*export DOCKER_CERT_PATH=\"([^\"]+)\".*", "$1")).resolveSibling("nodes");
        assertEquals(machines(3), folders(pkiNodes));
        given().get("/v1/operations/" + create.getString("id") + "/log").then().statusCode(200)
                .body(containsString("==> start machines, form etcd and swarm"));

        // one operation at a time
        String scaleUp = Api.start("POST", "/v1/clusters/" + NAME + "/scale", "{\"nodes\":4}");
        given().contentType("application/json").post("/v1/clusters/" + NAME + "/halt")
                .then().statusCode(409).contentType("application/problem+json");
        Api.await(scaleUp, SLOW);
        assertEquals(machines(4), folders(pkiNodes), "the new node's certificate, issued before its machine started");
        assertEquals(machines(4), readySwarmNodes(dockerHost));
        assertEquals(machines(4), startedEtcdMembers(etcdEndpoints));
        given().get("/v1/clusters/" + NAME).then().body("nodes.swarmRole", hasItems("manager", "worker"));

        Api.await(Api.start("POST", "/v1/clusters/" + NAME + "/scale", "{\"nodes\":3}"), SLOW);
        assertEquals(machines(3), readySwarmNodes(dockerHost));
        assertEquals(machines(3), startedEtcdMembers(etcdEndpoints));
        assertEquals(3, HostDocker.containers(NAME).size());
        assertEquals(machines(3), folders(pkiNodes), "the removed node's key went with its machine");

        Api.await(Api.start("POST", "/v1/clusters/" + NAME + "/halt", null), SLOW);
        given().get("/v1/clusters/" + NAME).then().body("phase", equalTo("Halted"))
                .body("nodes.state", everyItem(equalTo("stopped")));
        // halting a halted cluster: nothing to do, and the answer says so
        given().contentType("application/json").post("/v1/clusters/" + NAME + "/halt")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is already halted"));

        Api.await(Api.start("POST", "/v1/clusters/" + NAME + "/resume", null), SLOW);
        given().get("/v1/clusters/" + NAME).then().body("phase", equalTo("Running"))
                .body("nodes.state", everyItem(equalTo("running")));
        given().contentType("application/json").post("/v1/clusters/" + NAME + "/resume")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is already running"));
        assertEquals(machines(3), readySwarmNodes(dockerHost));
        assertEquals(machines(3), startedEtcdMembers(etcdEndpoints));

        // regenerate-certs with the same CA ({}): node by node, each with a new certificate; the
        // client folder stays valid
        String core01Before = Files.readString(pkiNodes.resolve("core-01").resolve("server.pem"));
        Instant renewing = Instant.now();
        JsonPath renew = Api.await(Api.start("POST", "/v1/clusters/" + NAME + "/regenerate-certs", "{}"), SLOW);
        System.out.printf("regenerate-certs, same CA, node by node: %d ms%n", Duration.between(renewing, Instant.now()).toMillis());
        String renewLog = given().get("/v1/operations/" + renew.getString("id") + "/log").then().statusCode(200).extract().asString();
        assertTrue(renewLog.contains("==> restart nodes one by one") && renewLog.contains("condition WorkloadsReady=True"), renewLog);
        assertTrue(!core01Before.equals(Files.readString(pkiNodes.resolve("core-01").resolve("server.pem"))), "core-01 has a new certificate");
        assertEquals(machines(3), readySwarmNodes(dockerHost));
        assertEquals(machines(3), startedEtcdMembers(etcdEndpoints));

        // regenerate-certs with a new CA: the nodes restart with new certificates; the old client
        // folder is refused from then on, the new one (GET /certs again) reaches Docker and etcd
        Path old = Path.of("target", "certs", NAME + "-before-regenerate");
        copyFolder(tls.directory(), old);
        Instant regenerating = Instant.now();
        JsonPath regenerate = Api.await(Api.start("POST", "/v1/clusters/" + NAME + "/regenerate-certs", "{\"ca\":true}"), SLOW);
        System.out.printf("regenerate-certs with a new CA: %d ms%n", Duration.between(regenerating, Instant.now()).toMillis());
        assertEquals("regenerate_certs", regenerate.getString("kind"));
        String log = given().get("/v1/operations/" + regenerate.getString("id") + "/log").then().statusCode(200).extract().asString();
        assertTrue(log.contains("==> restart every node at once (new CA)") && log.contains("condition WorkloadsReady=True"), log);
        tls = ClusterCerts.download(NAME);
        assertEquals(machines(3), readySwarmNodes(dockerHost));
        assertEquals(machines(3), startedEtcdMembers(etcdEndpoints));
        TlsFiles current = tls;
        tls = new TlsFiles(old);
        try {
            assertThrows(Exception.class, () -> readySwarmNodes(dockerHost), "the old client certificate is refused by Docker");
            assertThrows(Exception.class, () -> startedEtcdMembers(etcdEndpoints), "and by etcd");
        } finally {
            tls = current;
        }
        // an open cluster has nothing to regenerate; a name that is no cluster is a 404
        given().contentType("application/json").body("{}").post("/v1/clusters/nope/regenerate-certs").then().statusCode(404);

        Api.await(Api.start("DELETE", "/v1/clusters/" + NAME, null), SLOW);
        given().get("/v1/clusters/" + NAME).then().statusCode(404).contentType("application/problem+json");
        HostDocker.assertNothingLeft(NAME, volumesBefore);
    }

    /** core-01 .. core-NN */
    static Set<String> machines(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(NodeLayout::machineName).collect(Collectors.toSet());
    }

    static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var list = Files.list(from)) {
            for (Path f : list.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static Set<String> folders(Path dir) throws Exception {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    static Set<String> readySwarmNodes(String dockerHost) throws Exception {
        try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, tls)) {
            return docker.listSwarmNodesCmd().exec().stream()
                    .filter(n -> n.getStatus().getState() == SwarmNodeState.READY)
                    .map(SwarmNode::getDescription).map(d -> d.getHostname()).collect(Collectors.toSet());
        }
    }

    static Set<String> startedEtcdMembers(List<String> endpoints) throws Exception {
        try (Client etcd = Client.builder().endpoints(endpoints.toArray(String[]::new)).sslContext(ClientTls.jetcd(tls.directory())).build()) {
            return etcd.getClusterClient().listMember().get(10, TimeUnit.SECONDS).getMembers().stream()
                    .map(Member::getName).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
        }
    }
}
