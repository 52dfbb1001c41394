package io.coreswarm.provisioner.workload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.ServiceGlobalModeOptions;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.docker.TlsFiles;
import io.coreswarm.provisioner.support.Api;
import io.coreswarm.provisioner.support.ClusterCerts;
import io.coreswarm.provisioner.support.ConfigServiceProcess;
import io.coreswarm.provisioner.support.HostDocker;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.TestApiToken;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A 3-node local cluster that runs workloads, with the real vagrant, dockerd and docker CLI: its
 * create ends with a passing workload check, shown on the cluster (WorkloadsReady and the
 * capability conditions); every node's dockerd runs a container of the probe image; an image
 * archive built in the test (the probe tagged anew, saved, untagged: no registry) is loaded through
 * the API as an operation and runs as a global service; the nodes publish their capabilities; a
 * user deploys docs/examples/stack.yml with {@code docker stack deploy} through the cluster's
 * {@code env} (replicas on distinct nodes, a client answered by replicas on other nodes by service
 * name, a host-mode port answering); a node whose cgroups are made read-only fails
 * {@code POST /checks} by name and the cluster says so; a scale-up to 4 gives the new node the
 * loaded image and a task; destroy leaves nothing. One cluster serves every step, in order.
 */
@QuarkusTest
@QuarkusTestResource(value = ConfigServiceProcess.class, restrictToAnnotatedClass = true)
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkloadTest {
    static final String NAME = "wl";
    static final Duration SLOW = Duration.ofMinutes(5);
    static final Path STACK = Path.of("..", "docs", "examples", "stack.yml");
    /** The image built in the test and loaded through the API, and the global service that runs it. */
    static final String APP_IMAGE = "wl/app:1";
    static final String APP = "wl-app";

    static Set<String> volumesBefore;
    static String dockerHost;
    /** node name to its address */
    static final Map<String, String> nodes = new LinkedHashMap<>();
    static Path envFile;
    /** the client folder, as GET /certs hands it out */
    static TlsFiles tls;
    /** the base64 body of every key under the cluster's pki/: none may appear in a response or a log */
    static final List<String> keyBodies = new ArrayList<>();

    @BeforeAll
    static void cleanSlate() {
        assertTrue(HostDocker.imageExists(NodeLayout.NODE_IMAGE), "the node image is missing: run scripts/node-image (scripts/test does)");
        HostDocker.removeLeftovers(NAME);
        volumesBefore = HostDocker.volumes();
    }

    @Test
    @Order(1)
    void createEndsWithAPassingWorkloadCheck() throws Exception {
        Instant start = Instant.now();
        JsonPath op = Api.await(Api.start("POST", "/v1/clusters", "{\"name\":\"" + NAME + "\",\"nodes\":3}"), SLOW);
        System.out.printf("create with workload check: %d ms%n", Duration.between(start, Instant.now()).toMillis());
        JsonPath cluster = given().get("/v1/clusters/" + NAME).then().statusCode(200).body("phase", equalTo("Running"))
                .extract().jsonPath();
        dockerHost = cluster.getString("endpoints.dockerHost");
        tls = ClusterCerts.download(NAME);
        List<String> names = cluster.getList("nodes.name");
        List<String> addresses = cluster.getList("nodes.address");
        for (int i = 0; i < names.size(); i++) {
            nodes.put(names.get(i), addresses.get(i));
        }
        String log = given().get("/v1/operations/" + op.getString("id") + "/log").then().statusCode(200).extract().asString();
        System.out.println(log.lines().filter(l -> l.contains("==>") || l.contains("workload check") || l.contains("condition "))
                .reduce("", (a, b) -> a + b + "\n"));
        assertTrue(log.contains("==> check workloads"), log);
        assertTrue(log.contains("condition WorkloadsReady=True (ProbeRanEverywhere)"), log);
        assertTrue(log.contains("condition ContainerRuntime=True (CgroupsWritable)"), log);
        assertTrue(log.contains("condition Overlay=True (KernelWithVXLAN)"), log);
        for (String node : nodes.keySet()) {
            assertTrue(log.contains("workload check: " + node + " ok: probe task runs at "), log);
        }
        // the cluster view: Ready, the capabilities and WorkloadsReady (its time, each node), one per type
        List<String> types = cluster.getList("conditions.type");
        assertEquals(List.of("Ready", "RoutingMesh", "Overlay", "ContainerRuntime", "WorkloadsReady", "Secure"), types, cluster.prettify());
        assertEquals("True", condition(cluster, "Secure").getString("status"));
        assertEquals("TlsVerified", condition(cluster, "Secure").getString("reason"));
        assertEquals("True", condition(cluster, "Ready").getString("status"));
        assertEquals("True", condition(cluster, "ContainerRuntime").getString("status"));
        assertEquals("True", condition(cluster, "Overlay").getString("status"));
        JsonPath ready = condition(cluster, "WorkloadsReady");
        assertEquals("True", ready.getString("status"), ready.prettify());
        assertEquals("ProbeRanEverywhere", ready.getString("reason"));
        assertTrue(ready.getString("message").startsWith("checked at "), ready.getString("message"));
        for (String node : nodes.keySet()) {
            assertTrue(ready.getString("message").contains(node + ": probe task runs at "), ready.getString("message"));
        }
    }

    @Test
    @Order(2)
    void everyNodesDockerdRunsAContainerOfTheProbeImage() throws Exception {
        // 'docker run --rm coreswarm/probe:latest true' through each node's own dockerd
        for (var node : nodes.entrySet()) {
            runTrue(node.getKey(), NodeLayout.PROBE_IMAGE);
        }
    }

    @Test
    @Order(3)
    void anImageArchiveLoadedThroughTheApiRunsOnEveryNode() throws Exception {
        // a docker save archive of an image no node has: the probe, tagged anew on core-01, saved, untagged
        String image = APP_IMAGE;
        Path archive = Path.of("target", "wl-app.tar");
        try (DockerClient docker = DockerClientFactory.connect(host("core-01"), Timeouts.CONTROL, tls)) {
            docker.tagImageCmd(NodeLayout.PROBE_IMAGE, "wl/app", "1").exec();
            try (var in = docker.saveImageCmd(image).exec()) {
                Files.copy(in, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            docker.removeImageCmd(image).exec();
        }
        Instant start = Instant.now();
        String id = given().contentType("application/x-tar").body(archive.toFile()).post("/v1/clusters/" + NAME + "/images")
                .then().log().ifValidationFails().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/v1/operations/op-"))
                .body("kind", equalTo("load_images")).extract().path("id");
        JsonPath op = Api.await(id, SLOW);
        assertEquals(3, op.getInt("progress.nodesDone"), op.prettify());
        assertEquals(3, op.getInt("progress.nodesTotal"), op.prettify());
        String log = given().get("/v1/operations/" + id + "/log").then().statusCode(200).extract().asString();
        for (String node : nodes.keySet()) {
            assertTrue(log.contains(node + ": loaded "), log);
        }
        assertTrue(log.contains("archive kept as images/0001.tar"), log);
        System.out.printf("image archive of %d bytes loaded into 3 nodes as an operation: %d ms%n", Files.size(archive),
                Duration.between(start, Instant.now()).toMillis());
        for (String node : nodes.keySet()) {
            runTrue(node, image);
        }
        // and as a service, a task on every node
        runEverywhere(nodes.keySet());
        // above the cap (16 MiB in tests): 413 as problem+json, and nothing kept
        given().contentType("application/x-tar").body(new byte[17 * 1024 * 1024]).post("/v1/clusters/" + NAME + "/images")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("coreswarm.images.max-bytes"));
        given().contentType("application/x-tar").body(new byte[0]).post("/v1/clusters/nope/images").then().statusCode(404);
    }

    @Test
    @Order(4)
    void capabilitiesArePublishedByEveryNodeAndSaidInWords() throws Exception {
        Map<String, Map<String, String>> labels = Capabilities.read(dockerHost, tls);
        assertEquals(nodes.keySet(), labels.keySet());
        labels.values().forEach(l -> assertEquals("true", l.get(NodeLayout.CAPABILITY_CGROUPS), l.toString()));
        Condition mesh = Capabilities.conditions(labels, Instant.now()).get(0);
        assertEquals(Capabilities.ROUTING_MESH, mesh.type());
        // the nodes share the host's kernel: what /proc/net/ip_vs says here, they say
        if (Files.exists(Path.of("/proc/net/ip_vs"))) {
            assertEquals("True", mesh.status(), mesh.toString());
        } else {
            assertEquals("False", mesh.status(), mesh.toString());
            assertEquals("KernelWithoutIPVS", mesh.reason());
            assertTrue(mesh.message().contains("endpoint_mode: dnsrr") && mesh.message().contains("mode: host"), mesh.message());
        }
    }

    @Test
    @Order(5)
    void aUserDeploysAComposeStackWithTheDockerCli() throws Exception {
        String env = given().get("/v1/clusters/" + NAME + "/env").then().statusCode(200).extract().asString();
        envFile = Files.writeString(Files.createDirectories(Path.of("target")).resolve("wl-env.sh"), env);
        Instant start = Instant.now();
        docker("stack", "deploy", "--resolve-image", "never", "-c", STACK.toString(), "app");

        // 3 replicas of web, one on each node
        Set<String> webNodes = Await.until("3 web tasks running on 3 distinct nodes", Duration.ofSeconds(60), () -> {
            try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, tls)) {
                Map<String, String> hostnames = new LinkedHashMap<>();
                docker.listSwarmNodesCmd().exec().forEach(n -> hostnames.put(n.getId(), n.getDescription().getHostname()));
                List<String> on = new ArrayList<>();
                for (Task t : docker.listTasksCmd().withServiceFilter("app_web").exec()) {
                    if (t.getStatus().getState() == TaskState.RUNNING && t.getDesiredState() == TaskState.RUNNING) {
                        on.add(hostnames.get(t.getNodeId()));
                    }
                }
                return on.size() == 3 && new HashSet<>(on).size() == 3 ? new TreeSet<>(on) : null;
            }
        }, java.util.Objects::nonNull);
        assertEquals(nodes.keySet(), webNodes);
        System.out.printf("stack deployed, 3 web replicas running: %d ms%n", Duration.between(start, Instant.now()).toMillis());

        // the client asks 'web' by name (DNS round robin) and hears from replicas on several nodes
        Pattern answer = Pattern.compile("answer from (core-\\d+)");
        Set<String> answered = Await.until("answers from at least two web replicas", Duration.ofSeconds(60), () -> {
            Set<String> from = new TreeSet<>();
            Matcher m = answer.matcher(docker("service", "logs", "--raw", "app_client"));
            while (m.find()) {
                from.add(m.group(1));
            }
            return from.size() >= 2 ? from : null;
        }, java.util.Objects::nonNull);
        System.out.println("the client was answered by " + answered);

        // the port published in host mode answers on every node, from that node's replica
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (var node : nodes.entrySet()) {
            String body = Await.until("port 8080 on " + node.getKey(), Duration.ofSeconds(30), () -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + node.getValue() + ":8080/"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 ? r.body().trim() : null;
                } catch (IOException e) {
                    return null;
                }
            }, java.util.Objects::nonNull);
            assertEquals(node.getKey(), body);
        }
        docker("stack", "rm", "app");
        System.out.printf("stack scenario: %d ms%n", Duration.between(start, Instant.now()).toMillis());
    }

    @Test
    @Order(6)
    void theHostsDockerAndEtcdctlWorkWithTheEnvAndAreRefusedWithoutTheCertificates() throws Exception {
        String env = Files.readString(envFile);
        assertTrue(env.contains("export DOCKER_TLS_VERIFY=\"1\"\n"), env);
        assertTrue(env.contains("export DOCKER_HOST=\"" + dockerHost + "\"\n"), env);
        assertTrue(dockerHost.endsWith(":" + NodeLayout.DOCKER_TLS_PORT), dockerHost);
        assertTrue(env.contains("export ETCDCTL_ENDPOINTS=\"https://"), env);
        for (String name : List.of("DOCKER_CERT_PATH", "ETCDCTL_CACERT", "ETCDCTL_CERT", "ETCDCTL_KEY")) {
            assertTrue(env.contains("export " + name + "=\""), name + " in " + env);
        }
        // the docker CLI with the env: the swarm's nodes, the engine's TLS
        String nodeLs = docker("node", "ls", "--format", "{{.Hostname}} {{.Status}}");
        for (String node : nodes.keySet()) {
            assertTrue(nodeLs.contains(node + " Ready"), nodeLs);
        }
        assertTrue(docker("info", "--format", "{{.Swarm.LocalNodeState}}").strip().equals("active"));
        // without the certificates: plain HTTP to the TLS port, and TLS with no client certificate
        Exec plain = shell("env -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH DOCKER_HOST=" + dockerHost + " docker info 2>&1");
        assertTrue(plain.code() != 0 && plain.out().contains("Client sent an HTTP request to an HTTPS server"), plain.out());
        Path empty = Files.createDirectories(Path.of("target", "wl-no-certs")).toAbsolutePath();
        Files.copy(tls.ca(), empty.resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Exec noCert = shell("env -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH DOCKER_HOST=" + dockerHost + " docker --tlsverify --tlscacert "
                + empty.resolve("ca.pem") + " info 2>&1");
        assertTrue(noCert.code() != 0 && noCert.out().contains("bad certificate"), noCert.out());

        // etcdctl with the env's ETCDCTL_*: every member healthy over https; without them it fails
        Exec health = shell("eval \"$(cat " + envFile.toAbsolutePath() + ")\" && etcdctl endpoint health --cluster 2>&1");
        assertEquals(0, health.code(), health.out());
        for (String address : nodes.values()) {
            assertTrue(health.out().contains("https://" + address + ":2379 is healthy"), health.out());
        }
        Exec bare = shell("eval \"$(cat " + envFile.toAbsolutePath() + ")\" && unset ETCDCTL_CACERT ETCDCTL_CERT ETCDCTL_KEY"
                + " && etcdctl --dial-timeout=2s --command-timeout=3s endpoint health 2>&1");
        assertTrue(bare.code() != 0, bare.out());
        Exec http = shell("eval \"$(cat " + envFile.toAbsolutePath() + ")\" && etcdctl --dial-timeout=2s --command-timeout=3s"
                + " --endpoints http://" + nodes.get("core-01") + ":2379 endpoint health 2>&1");
        assertTrue(http.code() != 0, http.out());

        // the unset form undoes it
        String unset = given().get("/v1/clusters/" + NAME + "/env?unset=true").then().statusCode(200).extract().asString();
        Path unsetFile = Files.writeString(Path.of("target", "wl-unset.sh"), unset);
        Exec cleared = shell("eval \"$(cat " + envFile.toAbsolutePath() + ")\" && eval \"$(cat " + unsetFile.toAbsolutePath()
                + ")\" && env | grep -E '^(DOCKER_|ETCDCTL_|CORESWARM_)' || true");
        assertEquals("", cleared.out().strip(), unset);
        // and a shell that is not one of the four is a 400 naming the parameter
        given().get("/v1/clusters/" + NAME + "/env?shell=tcsh").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @Order(7)
    void aNodeWhoseCgroupsAreReadOnlyFailsTheCheckOnDemandByName() throws Exception {
        String broken = "core-02";
        String container = NodeLayout.containerName(NAME, broken);
        // the very failure of issue #10, on one node: its cgroup mount made read-only again
        // (a bind remount changes only this mount, never the hierarchy the host shares)
        hostExec(container, "mount", "-o", "remount,bind,ro", "/sys/fs/cgroup/cpuset");
        try {
            Instant start = Instant.now();
            String id = given().post("/v1/clusters/" + NAME + "/checks").then().log().ifValidationFails().statusCode(202)
                    .header("Location", org.hamcrest.Matchers.containsString("/v1/operations/op-"))
                    .body("kind", equalTo("check")).extract().path("id");
            // one operation at a time: a second check meanwhile is the cluster-busy problem
            given().post("/v1/clusters/" + NAME + "/checks").then().statusCode(409).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("is busy with operation " + id));
            JsonPath op = Api.awaitEnd(id, SLOW);
            System.out.printf("failing check on demand: %d ms: %s%n", Duration.between(start, Instant.now()).toMillis(), op.getString("error"));
            assertEquals("failed", op.getString("state"), op.prettify());
            assertTrue(op.getString("error").startsWith("workloads do not run on " + broken + ": "), op.getString("error"));
            assertTrue(op.getString("error").contains("read-only file system"), op.getString("error"));

            // the cluster view says it; the check leaves phase and Ready alone
            JsonPath cluster = given().get("/v1/clusters/" + NAME).then().statusCode(200).extract().jsonPath();
            assertEquals("Running", cluster.getString("phase"));
            assertEquals("True", condition(cluster, "Ready").getString("status"), cluster.prettify());
            JsonPath ready = condition(cluster, "WorkloadsReady");
            assertEquals("False", ready.getString("status"), ready.prettify());
            assertEquals("ProbeFailed", ready.getString("reason"));
            assertTrue(ready.getString("message").contains("workloads do not run on " + broken + ": "), ready.getString("message"));
            assertEquals(1, cluster.getList("conditions.findAll { it.type == 'WorkloadsReady' }").size(), "one condition per type");

            // the check cleans up after itself even when it fails (the manager's local copy of
            // the network goes a few seconds after the swarm's)
            try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, tls)) {
                assertEquals(List.of(), docker.listServicesCmd().exec().stream()
                        .filter(s -> s.getSpec().getLabels() != null && s.getSpec().getLabels().containsKey(WorkloadCheck.CHECK_LABEL)).toList());
                Await.until("the check's network gone", Duration.ofSeconds(15), () -> docker.listNetworksCmd().exec().stream()
                        .noneMatch(n -> n.getLabels() != null && n.getLabels().containsKey(WorkloadCheck.CHECK_LABEL)));
            }
        } finally {
            hostExec(container, "mount", "-o", "remount,bind,rw", "/sys/fs/cgroup/cpuset");
        }
    }

    @Test
    @Order(8)
    void aNodeAddedByAScaleUpGetsTheLoadedImagesAndRunsATask() throws Exception {
        Instant start = Instant.now();
        String id = Api.start("POST", "/v1/clusters/" + NAME + "/scale", "{\"nodes\":4}");
        given().contentType("application/x-tar").body(new byte[1024]).post("/v1/clusters/" + NAME + "/images")
                .then().statusCode(409).contentType("application/problem+json");
        Api.await(id, SLOW);
        System.out.printf("scale-up to 4 with images and workload check: %d ms%n", Duration.between(start, Instant.now()).toMillis());
        String log = given().get("/v1/operations/" + id + "/log").then().statusCode(200).extract().asString();
        assertTrue(log.contains("==> load the cluster's images"), log);
        assertTrue(log.contains("core-04: loaded 0001.tar"), log);
        assertTrue(log.indexOf("==> load the cluster's images") < log.indexOf("==> check workloads"), log);

        JsonPath cluster = given().get("/v1/clusters/" + NAME).then().statusCode(200).extract().jsonPath();
        nodes.put("core-04", cluster.getString("nodes.find { it.name == 'core-04' }.address"));
        JsonPath ready = condition(cluster, "WorkloadsReady");
        assertEquals("True", ready.getString("status"), ready.prettify());
        assertTrue(ready.getString("message").contains("core-04: probe task runs at "), ready.getString("message"));

        try (DockerClient docker = DockerClientFactory.connect(host("core-04"), Timeouts.CONTROL, tls)) {
            docker.inspectImageCmd(APP_IMAGE).exec();
        }
        runEverywhere(nodes.keySet());
    }

    /**
     * A global service of the loaded image runs a task on each of {@code expected}, then goes. (Created
     * only once every node has the image: a node without it would try a registry.)
     */
    static void runEverywhere(Set<String> expected) {
        try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, tls)) {
            docker.createServiceCmd(new ServiceSpec().withName(APP)
                    .withMode(new ServiceModeConfig().withGlobal(new ServiceGlobalModeOptions()))
                    .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(APP_IMAGE)
                            .withCommand(List.of("sleep", "3600")).withStopSignal("SIGKILL")))).exec();
            try {
                assertEquals(expected, Await.until("a task of " + APP_IMAGE + " running on " + expected, Duration.ofSeconds(60),
                        () -> runningOn(APP), on -> on.equals(expected)));
            } finally {
                docker.removeServiceCmd(APP).exec();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Nothing of a key nor a join token in any answer about the cluster, in its operations' records
     * and logs, or in the service's own log (target/provisioner-test.log): no {@code PRIVATE KEY}
     * armour, no line of the base64 body of any key under its pki/, no {@code SWMTKN-}, not the API
     * token. The etcd discovery token (a bootstrap capability) only in the cluster's own view, which
     * shows its discovery URL to the token holder as coreos-vagrant's files show it: in no log.
     */
    @Test
    @Order(9)
    void noResponseNorLogCarriesAKeyOrAJoinToken() throws Exception {
        Path pki = tls == null ? null : Path.of(Files.readString(envFile).replaceAll("(?s).*export DOCKER_CERT_PATH=\"([^\"]+)\".*", "$1"))
                .getParent();
        List<Path> keys;
        try (var files = Files.walk(pki)) {
            keys = files.filter(f -> f.getFileName().toString().endsWith("key.pem")).toList();
        }
        // the CA's, the client's and one per node (4 after the scale-up)
        assertEquals(6, keys.size(), keys.toString());
        List<String> secrets = new ArrayList<>(List.of("PRIVATE KEY", "SWMTKN-", TestApiToken.VALUE));
        for (Path key : keys) {
            Files.readAllLines(key).stream().filter(l -> !l.startsWith("-----") && l.length() >= 16).forEach(secrets::add);
            secrets.add(String.join("", Files.readAllLines(key).stream().filter(l -> !l.startsWith("-----")).toList()));
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("GET /v1/clusters", given().get("/v1/clusters").then().statusCode(200).extract().asString());
        bodies.put("GET /v1/clusters/" + NAME, given().get("/v1/clusters/" + NAME).then().statusCode(200).extract().asString());
        for (String shell : List.of("bash", "zsh", "fish", "powershell")) {
            bodies.put("env " + shell, given().get("/v1/clusters/" + NAME + "/env?shell=" + shell).then().statusCode(200).extract().asString());
        }
        bodies.put("GET /v1/operations", given().get("/v1/operations").then().statusCode(200).extract().asString());
        List<String> ids = given().get("/v1/operations").then().extract().jsonPath().getList("id");
        for (String id : ids) {
            bodies.put("operation " + id, given().get("/v1/operations/" + id).then().extract().asString());
            bodies.put("log " + id, given().get("/v1/operations/" + id + "/log").then().extract().asString());
        }
        Path serviceLog = Path.of("target", "provisioner-test.log");
        assertTrue(Files.exists(serviceLog), "the service's log file (application.properties, %test)");
        bodies.put("service log", Files.readString(serviceLog));
        for (var body : bodies.entrySet()) {
            for (String secret : secrets) {
                assertFalse(body.getValue().contains(secret), body.getKey() + " carries key material, a join token or the API token"
                        + (secret.length() < 20 ? ": " + secret : ""));
            }
        }
        String discoveryUrl = given().get("/v1/clusters/" + NAME).then().extract().jsonPath().getString("discoveryUrl");
        String discoveryToken = discoveryUrl.substring(discoveryUrl.lastIndexOf('/') + 1);
        assertTrue(discoveryToken.matches("[0-9a-f]{32}"), discoveryUrl);
        bodies.entrySet().stream().filter(b -> !b.getKey().startsWith("GET /v1/clusters"))
                .forEach(b -> assertFalse(b.getValue().contains(discoveryToken), b.getKey() + " carries the discovery token"));
        System.out.printf("leak check: %d bodies (%d KB), %d keys: nothing%n", bodies.size(),
                bodies.values().stream().mapToInt(String::length).sum() / 1024, keys.size());
    }

    @Test
    @Order(10)
    void destroyLeavesNothing() {
        Api.await(Api.start("DELETE", "/v1/clusters/" + NAME, null), SLOW);
        HostDocker.assertNothingLeft(NAME, volumesBefore);
    }

    /** The nodes where a service has a running task. */
    static Set<String> runningOn(String service) {
        try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, tls)) {
            Map<String, String> hostnames = new LinkedHashMap<>();
            docker.listSwarmNodesCmd().exec().forEach(n -> hostnames.put(n.getId(), n.getDescription().getHostname()));
            Set<String> on = new TreeSet<>();
            for (Task t : docker.listTasksCmd().withServiceFilter(service).exec()) {
                if (t.getStatus().getState() == TaskState.RUNNING && t.getDesiredState() == TaskState.RUNNING) {
                    on.add(hostnames.get(t.getNodeId()));
                }
            }
            return on;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A condition of the cluster view, by type. */
    static JsonPath condition(JsonPath cluster, String type) {
        List<Map<String, Object>> all = cluster.getList("conditions");
        Map<String, Object> found = all.stream().filter(c -> type.equals(c.get("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + cluster.prettify()));
        return JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(found).toString());
    }

    static String host(String node) {
        return "tcp://" + nodes.get(node) + ":" + NodeLayout.DOCKER_TLS_PORT;
    }

    /** {@code docker run --rm IMAGE true} through a node's own dockerd. */
    static void runTrue(String node, String image) throws Exception {
        try (DockerClient docker = DockerClientFactory.connect(host(node), Timeouts.CONTROL, tls)) {
            String id = docker.createContainerCmd(image).withCmd("true").exec().getId();
            try {
                docker.startContainerCmd(id).exec();
                assertEquals(0, docker.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS), "true in " + image + " on " + node);
            } finally {
                docker.removeContainerCmd(id).withForce(true).exec();
            }
        }
    }

    /** The real docker CLI in a shell that has eval'ed the cluster's env, as a user's would. */
    static String docker(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "eval \"$(cat \"$1\")\" && shift && exec docker \"$@\"", "docker",
                envFile.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker " + String.join(" ", args) + " hung");
        assertEquals(0, p.exitValue(), "docker " + String.join(" ", args) + ": " + out);
        return out;
    }

    record Exec(int code, String out) {
    }

    /** A bash command line on the host, its exit code and output (stderr with it). */
    static Exec shell(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command + " hung");
        return new Exec(p.exitValue(), out);
    }

    /** Runs a command in a node container through the host's dockerd; fails unless it exits 0. */
    static void hostExec(String container, String... cmd) throws Exception {
        try (DockerClient docker = HostDocker.client()) {
            String exec = docker.execCreateCmd(container).withAttachStdout(true).withAttachStderr(true).withCmd(cmd).exec().getId();
            docker.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(30, TimeUnit.SECONDS);
            Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
            assertEquals(0L, code, String.join(" ", cmd) + " in " + container);
        }
    }
}
