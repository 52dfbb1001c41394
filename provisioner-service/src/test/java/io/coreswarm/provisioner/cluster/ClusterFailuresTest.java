package io.coreswarm.provisioner.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.DockerClient;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.provisioner.support.Api;
import io.coreswarm.provisioner.support.ConfigServiceProcess;
import io.coreswarm.provisioner.support.HostDocker;
import io.coreswarm.testsupport.Await;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What a caller sees when things go wrong: clear problems, Vagrant's own words, nothing half-made.
 * Runs the real vagrant and dockerd, hence tagged {@code e2e} like {@link ClusterLifecycleTest}.
 */
@Tag("e2e")
@QuarkusTest
@QuarkusTestResource(value = ConfigServiceProcess.class, restrictToAnnotatedClass = true)
class ClusterFailuresTest {
    static final String BLOCKED = "blocked";
    static final String CANCELLED = "cancelled";
    static final String CANCEL_DELETE = "cancel-delete";

    @Test
    void aFailedVagrantUpLeavesTheClusterFailedWithVagrantsMessage() throws Exception {
        HostDocker.removeLeftovers(BLOCKED);
        // a container already holding the name of the first node makes 'docker create' (and so vagrant up) fail
        try (DockerClient docker = HostDocker.client()) {
            docker.createContainerCmd(NodeLayout.NODE_IMAGE).withName(NodeLayout.containerName(BLOCKED, NodeLayout.machineName(1)))
                    .withLabels(java.util.Map.of(HostDocker.LABEL, BLOCKED)).withCmd("true").exec();
        }
        String id = Api.start("POST", "/v1/clusters", "{\"name\":\"" + BLOCKED + "\",\"nodes\":1}");
        JsonPath op = awaitEnd(id);
        given().get("/v1/operations/" + id).then().body("state", equalTo("failed"))
                .body("error", containsString("is already in use"));
        given().get("/v1/clusters/" + BLOCKED).then().statusCode(200)
                .body("phase", equalTo("Failed"))
                .body("conditions[0].reason", equalTo("CreateFailed"))
                .body("conditions[0].message", containsString("is already in use"));
        assertTrue(op.getString("error").length() < 4000);
    }

    @Test
    void cancellingStopsTheWholeVagrantProcessTree() {
        String id = Api.start("POST", "/v1/clusters", "{\"name\":\"" + CANCELLED + "\",\"nodes\":3}");
        List<ProcessHandle> vagrant = awaitVagrantProcesses();
        given().post("/v1/operations/" + id + "/cancel").then().statusCode(200);
        JsonPath op = awaitEnd(id);
        assertEquals("cancelled", op.getString("state"));
        for (ProcessHandle p : vagrant) {
            try {
                p.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("process " + p.pid() + " " + p.info().commandLine().orElse("") + " outlived the cancel", e);
            }
        }
        given().post("/v1/operations/" + id + "/cancel").then().statusCode(409);
    }

    /**
     * issue #11: a create cancelled while Vagrant creates the containers, then deleted, leaves
     * nothing carrying the cluster's label on the host's dockerd (Vagrant may not know a container
     * it was creating; destroy removes it by label).
     */
    @Test
    void aCreateCancelledWhileCreatingContainersThenDeletedLeavesNothingLabelled() throws Exception {
        HostDocker.removeLeftovers(CANCEL_DELETE);
        String id = Api.start("POST", "/v1/clusters", "{\"name\":\"" + CANCEL_DELETE + "\",\"nodes\":2}");
        Path log = Path.of("target", "workspaces", CANCEL_DELETE, "operations", id + ".log");
        Await.until("vagrant creating a container", Duration.ofSeconds(90),
                () -> Files.exists(log) && Files.readString(log).contains(": Creating the container"));
        given().post("/v1/operations/" + id + "/cancel").then().statusCode(200);
        assertEquals("cancelled", awaitEnd(id).getString("state"));
        given().get("/v1/clusters/" + CANCEL_DELETE).then().statusCode(200).body("phase", equalTo("Unknown"));
        // what the cancel left: at least the cluster's network (created before the containers)
        assertFalse(HostDocker.networks(CANCEL_DELETE).isEmpty() && HostDocker.containers(CANCEL_DELETE).isEmpty(),
                "the cancel left nothing labelled: the test did not cancel mid-create");
        System.out.println("left by the cancel: containers " + HostDocker.containers(CANCEL_DELETE).stream()
                .map(c -> String.join(",", c.getNames()) + " " + c.getState()).toList()
                + ", networks " + HostDocker.networks(CANCEL_DELETE).stream().map(n -> n.getName()).toList());

        // the anonymous volumes (each node's /var/lib/docker) of what the cancel left
        Set<String> nodeVolumes = new java.util.TreeSet<>();
        try (DockerClient docker = HostDocker.client()) {
            for (var c : HostDocker.containers(CANCEL_DELETE)) {
                var mounts = docker.inspectContainerCmd(c.getId()).exec().getMounts();
                if (mounts != null) {
                    mounts.stream().filter(m -> m.getName() != null).forEach(m -> nodeVolumes.add(m.getName()));
                }
            }
        }
        System.out.println("volumes of those containers: " + nodeVolumes);

        JsonPath destroy = Api.await(Api.start("DELETE", "/v1/clusters/" + CANCEL_DELETE, null), Duration.ofMinutes(3));
        assertEquals("succeeded", destroy.getString("state"));
        given().get("/v1/clusters/" + CANCEL_DELETE).then().statusCode(404);
        assertEquals(List.of(), HostDocker.containers(CANCEL_DELETE).stream().map(c -> String.join(",", c.getNames())).toList());
        assertEquals(List.of(), HostDocker.networks(CANCEL_DELETE).stream().map(n -> n.getName()).toList());
        try (DockerClient docker = HostDocker.client()) {
            var labelled = docker.listVolumesCmd().withFilter("label", List.of(HostDocker.LABEL + "=" + CANCEL_DELETE)).exec().getVolumes();
            assertTrue(labelled == null || labelled.isEmpty(), "labelled volumes left: " + labelled);
        }
        Set<String> left = new java.util.TreeSet<>(HostDocker.volumes());
        left.retainAll(nodeVolumes);
        assertEquals(Set.of(), left, "the nodes' volumes are left");
    }

    /** vagrant and what it runs (ruby, docker) under this JVM, once an up is under way */
    static List<ProcessHandle> awaitVagrantProcesses() {
        Await.until("vagrant to start", Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> ProcessHandle.current().descendants().anyMatch(p -> p.info().commandLine().orElse("").contains("vagrant")),
                Boolean.TRUE::equals);
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> !p.info().commandLine().orElse("").contains("quarkus-run.jar")).toList();
    }

    @Test
    void invalidNamesAreRefusedBeforeAnythingTouchesTheDisk() {
        given().contentType("application/json").body("{\"name\":\"../../etc\"}")
                .when().post("/v1/clusters")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"));
        given().when().get("/v1/clusters/Not_A_Name")
                .then().statusCode(400).contentType("application/problem+json");
        assertTrue(Files.notExists(Path.of("target", "workspaces", "..", "..", "etc", "cluster.json")));
    }

    @Test
    void coreosLegacyIsRenderedNotBooted() {
        given().contentType("application/json").body("{\"name\":\"legacy\",\"target\":\"coreos-legacy\"}")
                .when().post("/v1/clusters")
                .then().statusCode(400).body("violations[0].field", equalTo("target"));
        assertTrue(Files.notExists(Path.of("target", "workspaces", "legacy")));
    }

    @AfterEach
    void cleanUp() {
        for (String name : List.of(BLOCKED, CANCELLED, CANCEL_DELETE)) {
            if (given().get("/v1/clusters/" + name).statusCode() == 200) {
                awaitEnd(Api.start("DELETE", "/v1/clusters/" + name, null));
            }
            HostDocker.removeLeftovers(name);
        }
    }

    static JsonPath awaitEnd(String id) {
        return Api.awaitEnd(id, Duration.ofMinutes(3));
    }
}
