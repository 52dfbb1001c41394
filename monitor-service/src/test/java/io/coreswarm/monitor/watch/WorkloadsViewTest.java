package io.coreswarm.monitor.watch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.coreswarm.monitor.support.Api;
import io.coreswarm.testsupport.EtcdProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A target whose provisioner reports its last workload check (the {@code workloads} field), watched
 * over a real etcd that answers: a failed check makes it DEGRADED naming the node, the health and
 * info views show the check and the capability conditions, and a passing check told again makes it
 * HEALTHY.
 */
@QuarkusTest
class WorkloadsViewTest {
    static final String NAME = "wl-view";
    static EtcdProcess etcd;

    @BeforeAll
    static void startEtcd() {
        EtcdProcess e = EtcdProcess.prepare("wl-view", Path.of("target", "etcd-wl-view-" + ProcessHandle.current().pid()).toAbsolutePath());
        etcd = e.start(List.of("--initial-cluster", "wl-view=" + e.peerUrl()));
    }

    @AfterEach
    void forget() {
        Api.deleteTarget(NAME);
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @Test
    void aFailedCheckIsDegradedNamingTheNodeAndTheViewsShowItAndTheCapabilities() {
        put(false);
        JsonPath h = Api.awaitStatus(NAME, "DEGRADED", Duration.ofSeconds(30));
        List<String> reasons = h.getList("reasons");
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("workloads do not run on core-02 (check at 2026-11-30T12:00:00Z): no probe task could run"),
                reasons.toString());
        assertEquals("2026-11-30T12:00:00Z", h.getString("workloads.checkedAt"));
        assertEquals(false, h.getBoolean("workloads.ok"));
        assertEquals(List.of("core-02"), h.getList("workloads.failing.node"));
        assertEquals(List.of("RoutingMesh", "WorkloadsReady"), h.getList("workloads.conditions.type"));

        String info = Api.info(NAME);
        assertTrue(info.contains("Health: DEGRADED"), info);
        assertTrue(info.contains("Workloads:\n Last Check: 2026-11-30T12:00:00Z FAILED\n"), info);
        assertTrue(info.contains("  └ core-02: no probe task could run"), info);
        assertTrue(info.contains(" └ RoutingMesh False KernelWithoutIPVS: no IPVS in the kernel"), info);
        assertTrue(info.contains(" └ WorkloadsReady False ProbeFailed: workloads do not run on core-02"), info);

        put(true);
        JsonPath healthy = Api.awaitStatus(NAME, "HEALTHY", Duration.ofSeconds(30));
        assertEquals(List.of(), healthy.getList("reasons"));
        assertEquals(true, healthy.getBoolean("workloads.ok"));
        assertTrue(Api.info(NAME).contains("Last Check: 2026-11-30T12:05:00Z ok"), Api.info(NAME));
    }

    @Test
    void aReportWithoutItsTimeIsA400NamingTheField() {
        given().contentType("application/json")
                .body(Map.of("etcdEndpoints", List.of(etcd.clientUrl()), "workloads", Map.of("ok", false)))
                .put("/v1/targets/" + NAME).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("workloads.checkedAt"));
    }

    static void put(boolean ok) {
        String at = ok ? "2026-11-30T12:05:00Z" : "2026-11-30T12:00:00Z";
        Map<String, Object> workloads = Map.of("checkedAt", at, "ok", ok,
                "failing", ok ? List.of() : List.of(Map.of("node", "core-02",
                        "detail", "no probe task could run: 3 attempts failed, the last with failed: read-only file system")),
                "conditions", List.of(
                        Map.of("type", "RoutingMesh", "status", "False", "reason", "KernelWithoutIPVS",
                                "message", "no IPVS in the kernel of core-01, core-02, core-03", "lastTransitionTime", at),
                        Map.of("type", "WorkloadsReady", "status", ok ? "True" : "False", "reason", ok ? "ProbeRanEverywhere" : "ProbeFailed",
                                "message", ok ? "a probe task ran on each of the 3 nodes" : "workloads do not run on core-02: ...",
                                "lastTransitionTime", at)));
        given().contentType("application/json")
                .body(Map.of("etcdEndpoints", List.of(etcd.clientUrl()), "etcdApi", "v3", "workloads", workloads))
                .put("/v1/targets/" + NAME).then().log().ifValidationFails().statusCode(200);
    }
}
