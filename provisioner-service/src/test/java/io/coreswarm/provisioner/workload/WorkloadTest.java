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
import java.util.concurrent.Callable;
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
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.provisioner.support.Api;
import io.coreswarm.provisioner.support.ConfigServiceProcess;
import io.coreswarm.provisioner.support.HostDocker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A 3-node local cluster that runs workloads, with the real vagrant, dockerd and docker CLI: its
 * create ends with a passing workload check; every node's dockerd runs a container of the probe
 * image; an image archive loaded through the API runs on every node; the nodes publish their capabilities; a user deploys docs/examples/stack.yml with
 * {@code docker stack deploy} through the cluster's {@code env} (replicas on distinct nodes, a
 * client answered by replicas on other nodes by service name, a host-mode port answering); a node
 * whose cgroups are made read-only fails the check by name; destroy leaves nothing. One cluster
 * serves every step, in order.
 */
@QuarkusTest
@QuarkusTestResource(value = ConfigServiceProcess.class, restrictToAnnotatedClass = true)
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkloadTest {
    static final String NAME = "wl";
    static final Duration SLOW = Duration.ofMinutes(5);
    static final Path STACK = Path.of("..", "docs", "examples", "stack.yml");

    static Set<String> volumesBefore;
    static String dockerHost;
    /** node name to its address */
    static final Map<String, String> nodes = new LinkedHashMap<>();
    static Path envFile;

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
        String image = "wl/app:1";
        Path archive = Path.of("target", "wl-app.tar");
        try (DockerClient docker = DockerClientFactory.connect(host("core-01"), Timeouts.CONTROL, null)) {
            docker.tagImageCmd(NodeLayout.PROBE_IMAGE, "wl/app", "1").exec();
            try (var in = docker.saveImageCmd(image).exec()) {
                Files.copy(in, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            docker.removeImageCmd(image).exec();
        }
        Instant start = Instant.now();
        given().contentType("application/x-tar").body(archive.toFile()).post("/v1/clusters/" + NAME + "/images")
                .then().log().ifValidationFails().statusCode(200).body("bytes", equalTo((int) Files.size(archive)))
                .body("nodes.node", equalTo(List.copyOf(nodes.keySet())))
                .body("nodes.loaded", org.hamcrest.Matchers.everyItem(equalTo(true)));
        System.out.printf("image archive of %d bytes loaded into 3 nodes: %d ms%n", Files.size(archive),
                Duration.between(start, Instant.now()).toMillis());
        for (String node : nodes.keySet()) {
            runTrue(node, image);
        }
        // above the cap (16 MiB in tests): 413 as problem+json, and nothing kept
        given().contentType("application/x-tar").body(new byte[17 * 1024 * 1024]).post("/v1/clusters/" + NAME + "/images")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("coreswarm.images.max-bytes"));
        given().contentType("application/x-tar").body(new byte[0]).post("/v1/clusters/nope/images").then().statusCode(404);
    }

    @Test
    @Order(4)
    void capabilitiesArePublishedByEveryNodeAndSaidInWords() throws Exception {
        Map<String, Map<String, String>> labels = Capabilities.read(dockerHost);
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
        Set<String> webNodes = eventually("3 web tasks running on 3 distinct nodes", Duration.ofSeconds(60), () -> {
            try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, null)) {
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
        });
        assertEquals(nodes.keySet(), webNodes);
        System.out.printf("stack deployed, 3 web replicas running: %d ms%n", Duration.between(start, Instant.now()).toMillis());

        // the client asks 'web' by name (DNS round robin) and hears from replicas on several nodes
        Pattern answer = Pattern.compile("answer from (core-\\d+)");
        Set<String> answered = eventually("answers from at least two web replicas", Duration.ofSeconds(60), () -> {
            Set<String> from = new TreeSet<>();
            Matcher m = answer.matcher(docker("service", "logs", "--raw", "app_client"));
            while (m.find()) {
                from.add(m.group(1));
            }
            return from.size() >= 2 ? from : null;
        });
        System.out.println("the client was answered by " + answered);

        // the port published in host mode answers on every node, from that node's replica
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (var node : nodes.entrySet()) {
            String body = eventually("port 8080 on " + node.getKey(), Duration.ofSeconds(30), () -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + node.getValue() + ":8080/"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 ? r.body().trim() : null;
                } catch (IOException e) {
                    return null;
                }
            });
            assertEquals(node.getKey(), body);
        }
        docker("stack", "rm", "app");
        System.out.printf("stack scenario: %d ms%n", Duration.between(start, Instant.now()).toMillis());
    }

    @Test
    @Order(6)
    void aNodeWhoseCgroupsAreReadOnlyFailsTheWorkloadCheckByName() throws Exception {
        String broken = "core-02";
        String container = NodeLayout.containerName(NAME, broken);
        // the very failure of issue #10, on one node: its cgroup mount made read-only again
        // (a bind remount changes only this mount, never the hierarchy the host shares)
        hostExec(container, "mount", "-o", "remount,bind,ro", "/sys/fs/cgroup/cpuset");
        try {
            Map<String, String> hosts = new LinkedHashMap<>();
            nodes.forEach((node, address) -> hosts.put(node, "tcp://" + address + ":" + NodeLayout.DOCKER_PORT));
            List<String> log = new ArrayList<>();
            WorkloadCheck.Result result = new WorkloadCheck(Duration.ofSeconds(60), line -> {
                System.out.println(line);
                log.add(line);
            }, () -> {
            }).run(dockerHost, hosts);
            System.out.printf("failing workload check: %d ms: %s%n", result.took().toMillis(), result.condition().message());
            assertFalse(result.ok(), result.toString());
            assertEquals(List.of(broken), result.failedNodes(), result.toString());
            assertEquals("False", result.condition().status());
            assertTrue(result.condition().message().startsWith("workloads do not run on " + broken + ": "), result.condition().message());
            assertTrue(result.condition().message().contains("read-only file system"), result.condition().message());
            // the check cleans up after itself even when it fails (the manager's local copy of
            // the network goes a few seconds after the swarm's)
            try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, null)) {
                assertEquals(List.of(), docker.listServicesCmd().exec().stream()
                        .filter(s -> s.getSpec().getLabels() != null && s.getSpec().getLabels().containsKey(WorkloadCheck.CHECK_LABEL)).toList());
                eventually("the check's network gone", Duration.ofSeconds(15), () -> docker.listNetworksCmd().exec().stream()
                        .noneMatch(n -> n.getLabels() != null && n.getLabels().containsKey(WorkloadCheck.CHECK_LABEL)) ? true : null);
            }
        } finally {
            hostExec(container, "mount", "-o", "remount,bind,rw", "/sys/fs/cgroup/cpuset");
        }
    }

    @Test
    @Order(7)
    void destroyLeavesNothing() {
        Api.await(Api.start("DELETE", "/v1/clusters/" + NAME, null), SLOW);
        assertEquals(List.of(), HostDocker.containers(NAME));
        assertEquals(List.of(), HostDocker.networks(NAME));
        Set<String> left = new HashSet<>(HostDocker.volumes());
        left.removeAll(volumesBefore);
        assertEquals(Set.of(), left, "the nodes' volumes are gone");
    }

    static String host(String node) {
        return "tcp://" + nodes.get(node) + ":" + NodeLayout.DOCKER_PORT;
    }

    /** {@code docker run --rm IMAGE true} through a node's own dockerd. */
    static void runTrue(String node, String image) throws Exception {
        try (DockerClient docker = DockerClientFactory.connect(host(node), Timeouts.CONTROL, null)) {
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

    /** Runs a command in a node container through the host's dockerd; fails unless it exits 0. */
    static void hostExec(String container, String... cmd) throws Exception {
        try (DockerClient docker = HostDocker.client()) {
            String exec = docker.execCreateCmd(container).withAttachStdout(true).withAttachStderr(true).withCmd(cmd).exec().getId();
            docker.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(30, TimeUnit.SECONDS);
            Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
            assertEquals(0L, code, String.join(" ", cmd) + " in " + container);
        }
    }

    /** Polls until {@code value} gives a non-null answer (exceptions count as not yet). */
    static <T> T eventually(String what, Duration timeout, Callable<T> value) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T v = value.call();
                if (v != null) {
                    return v;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s" + (last == null ? "" : ": " + last));
    }
}
