package io.coreswarm.provisioner.workload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.provisioner.support.Api;
import io.coreswarm.provisioner.support.ConfigServiceProcess;
import io.coreswarm.provisioner.support.HostDocker;
import io.coreswarm.testsupport.Await;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A 2-node local cluster with {@code "registry": true}, with the real vagrant, dockerd and docker
 * CLI: its endpoints and {@code env} name the registry on core-01; an image built on the host
 * without any registry ({@code docker import} of a busybox rootfs) is loaded into core-01's
 * dockerd, pushed to the cluster registry from there (the host's dockerd need not trust it) and
 * removed from core-01; a stack of 2 replicas of it deployed with {@code docker stack deploy} runs
 * on both nodes, each having pulled it from the registry; destroy leaves nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = ConfigServiceProcess.class, restrictToAnnotatedClass = true)
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryTest {
    static final String NAME = "reg";
    static final Duration SLOW = Duration.ofMinutes(5);
    /** A tag no node and no earlier run has: the image exists only where this test puts it. */
    static final String TAG = "t" + UUID.randomUUID().toString().substring(0, 8);
    static final String HOST_IMAGE = "coreswarm-registry-test/probe-app:" + TAG;
    static final Path WORK = Path.of("target", "registry-test");

    static Set<String> volumesBefore;
    static String dockerHost;
    static String registry;
    /** node name to its address */
    static final Map<String, String> nodes = new LinkedHashMap<>();
    static Path envFile;

    @BeforeAll
    static void cleanSlate() throws Exception {
        assertTrue(HostDocker.imageExists(NodeLayout.NODE_IMAGE), "the node image is missing: run scripts/node-image (scripts/test does)");
        HostDocker.removeLeftovers(NAME);
        volumesBefore = HostDocker.volumes();
        Files.createDirectories(WORK);
    }

    @AfterAll
    static void removeTheHostImage() throws Exception {
        if (HostDocker.imageExists(HOST_IMAGE)) {
            run(null, "docker", "rmi", HOST_IMAGE);
        }
    }

    @Test
    @Order(1)
    void aClusterWithARegistryNamesItInEndpointsAndEnv() throws Exception {
        Instant start = Instant.now();
        JsonPath op = Api.await(Api.start("POST", "/v1/clusters", "{\"name\":\"" + NAME + "\",\"nodes\":2,\"registry\":true,\"tls\":false}"), SLOW);
        System.out.printf("create with a registry: %d ms%n", Duration.between(start, Instant.now()).toMillis());
        JsonPath cluster = given().get("/v1/clusters/" + NAME).then().statusCode(200).body("phase", equalTo("Running"))
                .body("spec.registry", equalTo(true)).extract().jsonPath();
        dockerHost = cluster.getString("endpoints.dockerHost");
        List<String> names = cluster.getList("nodes.name");
        List<String> addresses = cluster.getList("nodes.address");
        for (int i = 0; i < names.size(); i++) {
            nodes.put(names.get(i), addresses.get(i));
        }
        registry = cluster.getString("endpoints.registry");
        assertEquals(nodes.get("core-01") + ":" + NodeLayout.REGISTRY_PORT, registry);
        String log = given().get("/v1/operations/" + op.getString("id") + "/log").then().statusCode(200).extract().asString();
        assertTrue(log.contains("condition WorkloadsReady=True"), log);
        log.lines().filter(l -> l.contains("workload check")).forEach(System.out::println);
        // with a registry the nodes' dockerd pulls a task's image first: the probe's pull (not from
        // the cluster registry) failed at once at the closed loopback proxy, and the node's copy ran
        System.out.println(run(null, "bash", "-c", "docker logs \"$1\" 2>&1 | grep -m 3 'pulling image failed' || true", "logs",
                NodeLayout.containerName(NAME, "core-02")));

        String env = given().get("/v1/clusters/" + NAME + "/env").then().statusCode(200).extract().asString();
        assertTrue(env.contains("export CORESWARM_REGISTRY=\"" + registry + "\"\n"), env);
        // "tls": false (this cluster is the suite's open one): plain 2375 and http, and every view says it is open
        assertTrue(dockerHost.endsWith(":" + NodeLayout.DOCKER_PORT), dockerHost);
        assertTrue(cluster.getList("endpoints.etcd", String.class).stream().allMatch(e -> e.startsWith("http://")), cluster.prettify());
        assertEquals("False", cluster.getString("conditions.find { it.type == 'Secure' }.status"), cluster.prettify());
        assertEquals("TlsDisabled", cluster.getString("conditions.find { it.type == 'Secure' }.reason"), cluster.prettify());
        assertTrue(env.startsWith("# cluster " + NAME + " is open (\"tls\": false)"), env);
        assertTrue(env.contains("unset DOCKER_TLS_VERIFY\n") && env.contains("unset DOCKER_CERT_PATH\n"), env);
        given().get("/v1/clusters/" + NAME + "/certs").then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("\"tls\": false"));
        given().get("/v1/clusters").then().statusCode(200)
                .body("find { it.spec.name == '" + NAME + "' }.conditions.find { it.type == 'Secure' }.reason", equalTo("TlsDisabled"));
        envFile = Files.writeString(WORK.resolve("env.sh"), env);
        // every node's dockerd trusts it
        for (String node : nodes.keySet()) {
            try (DockerClient docker = DockerClientFactory.connect(host(node), Timeouts.CONTROL, null)) {
                String info = docker.infoCmd().exec().getRegistryConfig().getIndexConfigs().toString();
                assertTrue(info.contains(registry), node + ": " + info);
            }
        }
    }

    @Test
    @Order(2)
    void anImageBuiltOnTheHostIsPushedThroughCore01() throws Exception {
        // a busybox rootfs with a file of its own, so that its layer is new to every node
        Instant start = Instant.now();
        String script = """
                set -euo pipefail
                rm -rf rootfs && mkdir -p rootfs/bin
                cp "$(command -v busybox)" rootfs/bin/busybox
                ln -s busybox rootfs/bin/sh && ln -s busybox rootfs/bin/sleep
                echo "$1" > rootfs/tag
                tar -C rootfs -c . | docker import --change 'CMD ["sleep", "3600"]' - "$2" >/dev/null
                docker save -o app.tar "$2"
                """;
        run(null, "bash", "-c", "cd " + WORK + " && " + script, "build", TAG, HOST_IMAGE);
        // into core-01's dockerd through the cluster's env, tagged for its registry, pushed, and
        // removed there again: from now on the image lives only in the registry
        String out = run(envFile, "bash", "-c", """
                set -euo pipefail
                docker load -i "$1"
                id=$(docker image inspect -f '{{.Id}}' "$2")
                docker tag "$2" "$CORESWARM_REGISTRY/probe-app:$3"
                docker push "$CORESWARM_REGISTRY/probe-app:$3"
                docker rmi -f "$id"
                """, "push", WORK.resolve("app.tar").toString(), HOST_IMAGE, TAG);
        System.out.println(out);
        assertTrue(out.contains(TAG + ": digest: sha256:"), out);
        for (String node : nodes.keySet()) {
            assertEquals(List.of(), images(node, registry + "/probe-app"), node + " has no copy yet");
        }
        System.out.printf("image built on the host, pushed through core-01: %d ms%n", Duration.between(start, Instant.now()).toMillis());
    }

    @Test
    @Order(3)
    void aStackOfTheRegistryImageRunsOnBothNodes() throws Exception {
        String pushed = registry + "/probe-app:" + TAG;
        Path stack = Files.writeString(WORK.resolve("stack.yml"), """
                version: "3.8"
                services:
                  app:
                    image: %s
                    deploy:
                      replicas: 2
                      placement:
                        max_replicas_per_node: 1
                """.formatted(pushed));
        Instant start = Instant.now();
        Set<String> taskErrors = new HashSet<>();
        run(envFile, "docker", "stack", "deploy", "-c", stack.toString(), "regapp");
        Set<String> on = Await.until("2 app tasks running on 2 distinct nodes", Duration.ofSeconds(90), () -> {
            try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, null)) {
                Map<String, String> hostnames = new LinkedHashMap<>();
                docker.listSwarmNodesCmd().exec().forEach(n -> hostnames.put(n.getId(), n.getDescription().getHostname()));
                List<String> running = new ArrayList<>();
                for (Task t : docker.listTasksCmd().withServiceFilter("regapp_app").exec()) {
                    if (t.getStatus().getState() == TaskState.RUNNING && t.getDesiredState() == TaskState.RUNNING) {
                        running.add(hostnames.get(t.getNodeId()));
                    } else if (t.getStatus().getErr() != null
                            && taskErrors.add(hostnames.get(t.getNodeId()) + ": " + t.getStatus().getErr())) {
                        System.out.println("task on " + hostnames.get(t.getNodeId()) + ": " + t.getStatus().getState() + ": "
                                + t.getStatus().getErr());
                    }
                }
                return running.size() == 2 && new HashSet<>(running).size() == 2 ? new TreeSet<>(running) : null;
            }
        }, Objects::nonNull);
        assertEquals(nodes.keySet(), on);
        System.out.printf("stack of the registry image running on %s: %d ms%n", on, Duration.between(start, Instant.now()).toMillis());
        // each node pulled it from the cluster registry: its copy carries the registry's digest
        for (String node : nodes.keySet()) {
            List<Image> copies = images(node, registry + "/probe-app");
            assertEquals(1, copies.size(), node);
            String[] digests = copies.get(0).getRepoDigests();
            assertTrue(digests != null && List.of(digests).stream().anyMatch(d -> d.startsWith(registry + "/probe-app@sha256:")),
                    node + ": " + (digests == null ? "no digest" : List.of(digests)));
        }
        run(envFile, "docker", "stack", "rm", "regapp");
    }

    @Test
    @Order(4)
    void destroyLeavesNothing() {
        Api.await(Api.start("DELETE", "/v1/clusters/" + NAME, null), SLOW);
        HostDocker.assertNothingLeft(NAME, volumesBefore);
    }

    static String host(String node) {
        return "tcp://" + nodes.get(node) + ":" + NodeLayout.DOCKER_PORT;
    }

    /** The images a node's dockerd holds of a repository, under any tag or digest. */
    static List<Image> images(String node, String repository) throws Exception {
        try (DockerClient docker = DockerClientFactory.connect(host(node), Timeouts.CONTROL, null)) {
            return docker.listImagesCmd().exec().stream()
                    .filter(i -> Stream.concat(Stream.ofNullable(i.getRepoTags()).flatMap(Arrays::stream),
                            Stream.ofNullable(i.getRepoDigests()).flatMap(Arrays::stream))
                            .anyMatch(r -> r.startsWith(repository + ":") || r.startsWith(repository + "@")))
                    .toList();
        }
    }

    /**
     * Runs a command, in a shell that has eval'ed the cluster's env as a user's would when
     * {@code env} is given, else against the host's dockerd; fails unless it exits 0.
     */
    static String run(Path env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (env != null) {
            cmd.addAll(List.of("bash", "-c", "eval \"$(cat \"$1\")\" && shift && exec \"$@\"", "run", env.toString()));
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (env == null) {
            pb.environment().remove("DOCKER_HOST");
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", args) + " hung");
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + out);
        return out;
    }
}
