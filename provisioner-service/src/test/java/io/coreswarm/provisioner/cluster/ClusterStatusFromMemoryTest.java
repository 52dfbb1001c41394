package io.coreswarm.provisioner.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.testsupport.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Reading a cluster never runs a process: a cluster found at start-up is reconciled once with
 * {@code vagrant status} (here a stand-in that takes a second and records each call), and every
 * read after that answers from memory with the states it reported and when. Reconciles are
 * bounded: one {@code vagrant status} per cluster at a time, none while an operation runs.
 */
@QuarkusTest
@TestProfile(ClusterStatusFromMemoryTest.SlowVagrant.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterStatusFromMemoryTest {
    static final Path DIR = Path.of("target", "status-from-memory").toAbsolutePath();
    static final Path CALLS = DIR.resolve("vagrant-calls");
    static final String NAME = "memo";

    public static class SlowVagrant implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            prepare();
            return Map.of("coreswarm.provisioner.vagrant", DIR.resolve("vagrant").toString(),
                    "coreswarm.provisioner.workspaces", DIR.resolve("clusters").toString(),
                    "coreswarm.provisioner.reconcile-every", "1h");
        }
    }

    /** A stand-in vagrant and a cluster record left by an earlier provisioner, cut off mid-operation. */
    static void prepare() {
        try {
            if (Files.exists(DIR)) {
                try (Stream<Path> files = Files.walk(DIR)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Path machines = Files.createDirectories(DIR.resolve("clusters").resolve(NAME).resolve("machines"));
            Path vagrant = DIR.resolve("vagrant");
            Files.writeString(vagrant, "#!/bin/sh\n"
                    + "echo \"begin $*\" >> '" + CALLS + "'\n"
                    // a status lasts long enough that an operation started meanwhile surely meets it,
                    // even on a loaded machine (at 1 s a slow halt request once came after it ended)
                    + "case \"$1\" in status) sleep 3 ;; *) sleep 1 ;; esac\n"
                    + "echo end >> '" + CALLS + "'\n"
                    + "echo '1795555140," + NodeLayout.machineName(1) + ",state,running'\n"
                    + "echo '1795555140," + NodeLayout.machineName(2) + ",state,stopped'\n"
                    + "echo '1795555140," + NodeLayout.machineName(3) + ",state,gurumeditation'\n");
            Files.setPosixFilePermissions(vagrant, PosixFilePermissions.fromString("rwxr-xr-x"));
            List<NodeAddress> nodes = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                nodes.add(new NodeAddress(NodeLayout.machineName(i), NodeLayout.address("172.29.250", i)));
            }
            ClusterRecord record = new ClusterRecord(new ClusterSpec(NAME, 3, null, null, null, null, null, null, null, null),
                    "http://localhost:8081/v1/discovery/x", "172.29.250.0/24", nodes, ClusterPhase.RUNNING, List.of(),
                    Instant.now(), "op-cut-off", null);
            Files.writeString(machines.getParent().resolve("cluster.json"),
                    new ObjectMapper().findAndRegisterModules().writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> vagrantCalls() throws IOException {
        return Files.exists(CALLS) ? Files.readAllLines(CALLS) : List.of();
    }

    @Test
    @Order(1)
    void readsAnswerFromMemoryWithWhatVagrantLastSaidAndWhen() throws Exception {
        Await.until("the cluster reconciled after start-up", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> given().get("/v1/clusters/" + NAME).<String>path("conditions[0].reason"), "Reconciled"::equals);
        given().get("/v1/clusters/" + NAME).then().statusCode(200)
                .body("phase", equalTo("Unknown"))
                .body("currentOperation", nullValue())
                .body("conditions[0].message", containsString("operation op-cut-off was interrupted"))
                .body("nodes.state", contains("running", "stopped", "unknown"))
                .body("nodes.confirmedAt", everyItem(notNullValue()));
        given().get("/v1/clusters").then().statusCode(200).body("[0].nodes.state", contains("running", "stopped", "unknown"));
        assertEquals(List.of("begin status --machine-readable", "end"), vagrantCalls());

        // 64 reads, 8 at a time: each would take a second if it ran vagrant
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            Instant start = Instant.now();
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                reads.add(readers.submit(() -> given().get("/v1/clusters/" + NAME).statusCode()));
            }
            for (Future<Integer> read : reads) {
                assertEquals(200, read.get());
            }
            Duration took = Duration.between(start, Instant.now());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "64 reads took " + took);
        } finally {
            readers.shutdown();
        }
        assertEquals(List.of("begin status --machine-readable", "end"), vagrantCalls(), "no read ran vagrant");
    }

    @Inject
    MachineReconciler reconciler;

    @Test
    @Order(2)
    void oneVagrantStatusPerClusterAtATimeAndNoneWhileAnOperationRuns() throws Exception {
        awaitQuiet();
        int before = vagrantCalls().size();

        // an operation runs: nothing is asked of vagrant
        reconciler.operationStarted(NAME);
        reconciler.request(NAME, false);
        awaitQuiet();
        assertEquals(before, vagrantCalls().size(), "vagrant status while an operation ran");

        // it ends: one status right after; ten more requests meanwhile make one more, never two at once
        Instant released = Instant.now();
        reconciler.operationReleased(NAME);
        Thread burst = new Thread(() -> {
            for (int i = 0; i < 10; i++) {
                reconciler.request(NAME, false);
            }
        });
        burst.start();
        burst.join();
        awaitQuiet();
        List<String> calls = vagrantCalls().subList(before, vagrantCalls().size());
        assertTrue(calls.size() == 2 || calls.size() == 4, "one status, or one and one more after it: " + calls);
        for (int i = 0; i < calls.size(); i += 2) {
            assertEquals("begin status --machine-readable", calls.get(i), "overlapping vagrant status: " + calls);
            assertEquals("end", calls.get(i + 1), "overlapping vagrant status: " + calls);
        }
        String confirmed = given().get("/v1/clusters/" + NAME).path("nodes[0].confirmedAt");
        assertTrue(Instant.parse(confirmed).isAfter(released), "confirmedAt " + confirmed + " moved on after the operation");
    }

    @Test
    @Order(3)
    void anOperationDoesNotWaitForABackgroundStatusItStopsIt() throws Exception {
        awaitQuiet();
        int before = vagrantCalls().size();
        reconciler.request(NAME, false);
        Await.until("the background status to begin", Duration.ofSeconds(10), Duration.ofMillis(20),
                () -> vagrantCalls().size(), n -> n > before);
        // Vagrant locks each machine even to read it: a second vagrant would fail, so the status gives way
        String op = given().contentType("application/json").post("/v1/clusters/" + NAME + "/halt")
                .then().statusCode(202).extract().path("id");
        Await.until("the halt to succeed", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> given().get("/v1/operations/" + op).<String>path("state"), "succeeded"::equals);
        awaitQuiet();
        List<String> calls = vagrantCalls().subList(before, vagrantCalls().size());
        assertEquals(List.of("begin status --machine-readable", "begin halt --no-color", "end",
                "begin status --machine-readable", "end"), calls, "stopped, the halt, then the status after it");
    }

    /** Until the stand-in vagrant has not been called for two seconds and is not running. */
    static void awaitQuiet() {
        int[] seen = {-1};
        Await.until("the stand-in vagrant to go quiet", Duration.ofSeconds(30), Duration.ofSeconds(2), () -> {
            List<String> calls = vagrantCalls();
            boolean quiet = calls.size() == seen[0] && (calls.isEmpty() || calls.get(calls.size() - 1).equals("end"));
            seen[0] = calls.size();
            return quiet ? calls : null;
        }, calls -> calls != null);
    }
}
