package io.coreswarm.monitor.poll;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.coreswarm.monitor.support.Api;
import io.coreswarm.testsupport.Await;
import io.coreswarm.monitor.support.SilentServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Clusters that do not answer: refused connections and hosts that accept and then hang. Each is
 * UNKNOWN with a reason (never a 500), and a hanging one never holds up another target's polls.
 */
@QuarkusTest
class UnreachableTargetTest {
    static final Duration LIMIT = Duration.ofSeconds(30);

    @AfterEach
    void forget() {
        List.of("nowhere", "nowhere-v2", "hanging").forEach(Api::deleteTarget);
    }

    @Test
    void aClusterThatRefusesEveryConnectionIsUnknownWithTheReasons() {
        Api.putTarget("nowhere", List.of("tcp://127.0.0.1:1"), List.of("http://127.0.0.1:1"), "mode", "v3");
        Api.putTarget("nowhere-v2", List.of("tcp://127.0.0.1:1"), List.of("http://127.0.0.1:1"), "classic", "v2");

        JsonPath h = Api.awaitHealth("nowhere", "polled", LIMIT, j -> j.getString("checkedAt") != null);
        assertEquals("UNKNOWN", h.getString("status"));
        assertEquals(List.of("etcd: no endpoint answers (connection refused)",
                "docker: no endpoint answers (tcp://127.0.0.1:1: connection refused)"), h.getList("reasons"));
        JsonPath v2 = Api.awaitHealth("nowhere-v2", "polled", LIMIT, j -> j.getString("checkedAt") != null);
        assertEquals("UNKNOWN", v2.getString("status"));
        assertEquals(List.of("etcd: no endpoint answers (http://127.0.0.1:1: connection refused)",
                "docker: no endpoint answers (tcp://127.0.0.1:1: connection refused)"), v2.getList("reasons"));

        String info = Api.info("nowhere");
        assertTrue(info.contains("Health: UNKNOWN\n └ etcd: no endpoint answers (connection refused)\n"), info);
        assertTrue(info.contains("etcd:\n API: v3\n Error: connection refused\n"), info);
        assertEquals(List.of(), Api.events("nowhere").getList("$"), "UNKNOWN before and after the first poll: no change");
        String metrics = Api.metrics();
        assertTrue(metrics.contains("coreswarm_cluster_health{cluster=\"nowhere\"} 3.0"));
        // every poll of a target nothing answers is an error, and each is timed
        assertTrue(metrics.matches("(?s).*\ncoreswarm_poll_errors_total\\{cluster=\"nowhere\"\\} [1-9][0-9]*\\.0\n.*"), metrics);
        assertTrue(metrics.matches("(?s).*\ncoreswarm_poll_seconds_count\\{cluster=\"nowhere\"\\} [1-9][0-9]*\\.0\n.*"), metrics);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'monitor' }.data.targets", equalTo(2));
    }

    @Test
    void aHangingClusterIsNotPolledYetThenTimesOutWhileOthersKeepTheirPace() throws Exception {
        Api.putTarget("nowhere", List.of(), List.of("http://127.0.0.1:1"), "mode", "v3");
        Api.awaitHealth("nowhere", "polled", LIMIT, j -> j.getString("checkedAt") != null);
        try (SilentServer docker = new SilentServer(); SilentServer etcd = new SilentServer()) {
            Api.putTarget("hanging", List.of("tcp://127.0.0.1:" + docker.port()), List.of("http://127.0.0.1:" + etcd.port()),
                    "mode", "v2");
            JsonPath first = Api.health("hanging");
            assertEquals("UNKNOWN", first.getString("status"));
            assertEquals(List.of("not polled yet"), first.getList("reasons"));

            // while "hanging" waits out its timeouts, "nowhere" is polled on every tick (1s in tests)
            List<Instant> checks = new ArrayList<>();
            JsonPath hung = Await.until("the hanging cluster judged", LIMIT, () -> {
                Instant checked = Instant.parse(Api.health("nowhere").getString("checkedAt"));
                if (checks.isEmpty() || !checks.get(checks.size() - 1).equals(checked)) {
                    checks.add(checked);
                }
                return Api.health("hanging");
            }, j -> j.getString("checkedAt") != null);
            assertEquals("UNKNOWN", hung.getString("status"));
            assertEquals(List.of("etcd: no endpoint answers (http://127.0.0.1:" + etcd.port() + ": no answer within 2s)",
                    "docker: no endpoint answers (tcp://127.0.0.1:" + docker.port() + ": no answer within 2s)"), hung.getList("reasons"));
            assertTrue(checks.size() >= 2, "nowhere was polled again meanwhile: " + checks);
            // a poll that waited for "hanging" would leave a gap of at least its 2 s response timeout;
            // anything shorter shows "nowhere" kept its own pace (a loaded machine stretches 1 s a little)
            for (int i = 1; i < checks.size(); i++) {
                assertTrue(Duration.between(checks.get(i - 1), checks.get(i)).toMillis() < 2000,
                        "nowhere kept its 1s pace while hanging hung: " + checks);
            }
        }
    }
}
