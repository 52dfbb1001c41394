package io.coreswarm.monitor.webhook;

import static io.coreswarm.monitor.support.Api.awaitStatus;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.monitor.support.Api;
import io.coreswarm.monitor.support.Hmac;
import io.coreswarm.monitor.support.Receiver;
import io.coreswarm.monitor.support.SilentServer;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdCluster;
import io.coreswarm.testsupport.EtcdProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Webhooks fed by real health changes: a three-member etcd cluster is watched, one member is
 * killed. Three real receivers: {@code ops} (JSON, every event; answers 500 twice first),
 * {@code chat} (Slack format, HEALTH events of this cluster only) and {@code dead} (accepts
 * connections and never answers). Every delivery is checked against the test's own HMAC of the
 * body; ops gets every event once 2xx, in the order of the event log; chat gets its deliveries
 * while dead still hangs; no response ever shows a secret. Also the history of the same change.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryTest.Short.class)
class WebhookDeliveryTest {
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final Path DATA = Path.of("target", "monitor-data-webhooks-" + ProcessHandle.current().pid());
    static final String OPS_SECRET = "ops-secret-0123456789abcdef";
    static final String CHAT_SECRET = "chat-secret-0123456789abcdef";
    static final String DEAD_SECRET = "dead-secret-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();

    public static class Short implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("coreswarm.monitor.data-dir", DATA.toString(),
                    "coreswarm.monitor.webhooks.initial-backoff", "1s",
                    "coreswarm.monitor.webhooks.max-backoff", "4s",
                    "coreswarm.monitor.webhooks.connect-timeout", "1s",
                    // long enough that a delivery waiting behind the dead receiver would show
                    "coreswarm.monitor.webhooks.response-timeout", "10s",
                    "coreswarm.monitor.webhooks.max-webhooks", "4");
        }
    }

    static EtcdCluster etcd;
    static Receiver ops;
    static Receiver chat;
    static SilentServer dead;

    @BeforeAll
    static void start() {
        etcd = new EtcdCluster("hooked", 3, Path.of("target", "etcd-hooked-" + ProcessHandle.current().pid()).toAbsolutePath()).start();
        ops = new Receiver();
        chat = new Receiver();
        dead = new SilentServer();
    }

    @AfterEach
    void forget() {
        for (String name : List.of("ops", "chat", "dead")) {
            given().delete("/v1/webhooks/" + name);
        }
        Api.deleteTarget("hooked");
    }

    @AfterAll
    static void stop() throws Exception {
        etcd.close();
        ops.close();
        chat.close();
        dead.close();
    }

    @Test
    void healthChangesReachEveryReceiverSignedRetriedInOrderAndADeadOneHoldsUpNoOther() throws Exception {
        ops.answering(500, 500);
        putWebhook("ops", Map.of("url", ops.url("/hooks/ops"), "secret", OPS_SECRET));
        putWebhook("chat", Map.of("url", chat.url("/slack"), "secret", CHAT_SECRET, "format", "slack",
                "events", List.of("HEALTH"), "clusters", List.of("hooked")));
        putWebhook("dead", Map.of("url", "http://127.0.0.1:" + dead.port() + "/never", "secret", DEAD_SECRET));
        Api.putTarget("hooked", List.of(), etcd.clientUrls(), "mode", "v3");

        // the first event (UNKNOWN>HEALTHY) meets two 500s; the member dies while it waits for its retries
        JsonPath healthy = awaitStatus("hooked", "HEALTHY", LIMIT);
        Await.until("ops's first attempt", LIMIT, () -> !ops.requests().isEmpty());
        String leader = healthy.getString("etcdLeader");
        EtcdProcess follower = etcd.members().stream().filter(m -> !m.name().equals(leader)).findFirst().orElseThrow();
        follower.kill();
        awaitStatus("hooked", "DEGRADED", LIMIT);

        // chat: the HEALTHY>DEGRADED message, soon after the event, while dead still hangs on its first
        Receiver.Request degraded = Await.until("chat's DEGRADED message", LIMIT, () -> chat.requests(),
                r -> r.stream().anyMatch(x -> x.text().contains("cluster DEGRADED"))).stream()
                .filter(x -> x.text().contains("cluster DEGRADED")).findFirst().orElseThrow();
        JsonPath deadDeliveries = deliveries("dead");
        JsonPath events = Api.events("hooked");
        Instant degradedAt = Instant.parse(events.getString("find { it.kind == 'HEALTH' && it.to == 'DEGRADED' }.time"));
        assertTrue(Duration.between(degradedAt, degraded.at()).toMillis() < 5000,
                "chat got it " + Duration.between(degradedAt, degraded.at()) + " after the event, behind no one");
        assertTrue(deadDeliveries.getList("status").size() >= 3 && deadDeliveries.getList("status").stream().allMatch("PENDING"::equals),
                "dead's deliveries all wait behind its first: " + deadDeliveries.prettify());
        assertTrue(Duration.between(Instant.parse(Api.health("hooked").getString("checkedAt")), Instant.now()).toSeconds() < 3,
                "polls go on while a receiver hangs");
        assertEquals(Hmac.sha256(CHAT_SECRET, degraded.body()), degraded.header("X-Coreswarm-Signature-256"));
        JsonNode slack = JSON.readTree(degraded.body());
        assertEquals(List.of("text"), fieldNames(slack), "a Slack message: text only");
        assertTrue(slack.get("text").asText().startsWith("*hooked* cluster DEGRADED: etcd member " + follower.name() + " unreachable"),
                slack.toString());
        assertTrue(chat.requests().stream().allMatch(r -> "HEALTH".equals(r.header("X-Coreswarm-Event"))), "chat takes HEALTH only");

        // ops: every event of the log, once answered 2xx, in the log's order; the first after two 500s
        List<String> logged = events.getList("collect { it.kind + ' ' + it.subject + ' ' + it.to }");
        Map<String, String> delivered = Await.until("ops to have every event", LIMIT, () -> delivered(ops),
                d -> d.size() >= logged.size());
        assertEquals(logged, new ArrayList<>(delivered.values()).subList(0, logged.size()), "in the order of the event log");
        for (Receiver.Request r : ops.requests()) {
            assertEquals(Hmac.sha256(OPS_SECRET, r.body()), r.header("X-Coreswarm-Signature-256"), r.text());
            JsonNode body = JSON.readTree(r.body());
            assertEquals(r.header("X-Coreswarm-Delivery"), body.get("id").asText());
            assertEquals(r.header("X-Coreswarm-Event"), body.at("/event/kind").asText());
            assertEquals("ops", body.get("webhook").asText());
            assertEquals("application/json", r.header("Content-Type"));
        }
        List<Receiver.Request> first = ops.requests().subList(0, 3);
        assertEquals(List.of(500, 500, 200), first.stream().map(Receiver.Request::status).toList());
        assertEquals(1, first.stream().map(r -> r.header("X-Coreswarm-Delivery")).distinct().count(), "the same delivery, retried");
        assertTrue(Duration.between(first.get(0).at(), first.get(1).at()).toMillis() >= 900, "1s backoff");
        assertTrue(Duration.between(first.get(1).at(), first.get(2).at()).toMillis() >= 1900, "then 2s");
        assertTrue(ops.requests().get(3).at().isAfter(first.get(2).at()), "the next delivery waited for the first");

        JsonPath opsDeliveries = deliveries("ops");
        assertEquals(new ArrayList<>(delivered.keySet()).subList(0, logged.size()), opsDeliveries.getList("id").subList(0, logged.size()));
        assertEquals("DELIVERED", opsDeliveries.getString("[0].status"));
        assertEquals(3, opsDeliveries.getInt("[0].attempts"));
        assertEquals(200, opsDeliveries.getInt("[0].statusCode"));
        assertEquals("HTTP 500", opsDeliveries.getString("[0].lastError"));
        assertEquals("HEALTH", opsDeliveries.getString("[0].event"));
        assertEquals("hooked", opsDeliveries.getString("[0].cluster"));

        // dead: its first attempt ends with the response timeout, in words
        JsonPath timedOut = Await.until("dead's first attempt to time out", LIMIT, () -> deliveries("dead"),
                d -> d.getInt("[0].attempts") >= 1);
        assertEquals("no answer within 10s", timedOut.getString("[0].lastError"));

        secretsNeverShow();
        history(follower.name());
    }

    private void secretsNeverShow() throws Exception {
        List<String> answers = new ArrayList<>();
        answers.add(given().get("/v1/webhooks").then().statusCode(200).extract().asString());
        for (String name : List.of("ops", "chat", "dead")) {
            answers.add(given().get("/v1/webhooks/" + name).then().statusCode(200).extract().asString());
            answers.add(given().get("/v1/webhooks/" + name + "/deliveries").then().statusCode(200).extract().asString());
        }
        for (String answer : answers) {
            for (String secret : List.of(OPS_SECRET, CHAT_SECRET, DEAD_SECRET)) {
                assertFalse(answer.contains(secret), answer);
            }
        }
        JsonPath shown = given().get("/v1/webhooks/chat").then().statusCode(200).extract().jsonPath();
        assertEquals("set", shown.getString("secret"));
        assertEquals("slack", shown.getString("format"));
        assertEquals(List.of("HEALTH"), shown.getList("events"));
        assertEquals(List.of("chat", "dead", "ops"), given().get("/v1/webhooks").then().extract().jsonPath().getList("name"));
        Path dir = DATA.resolve("webhooks");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ops.json"))));
        assertTrue(Files.readString(dir.resolve("ops.json")).contains(OPS_SECRET), "kept only in its 0600 file");
    }

    private void history(String killed) {
        JsonPath h = given().get("/v1/clusters/hooked/history?since=5m&step=1s").then().statusCode(200).extract().jsonPath();
        assertEquals(1, h.getLong("stepSeconds"));
        List<String> statuses = h.getList("points.status");
        assertTrue(statuses.contains("HEALTHY") && statuses.contains("DEGRADED"), statuses.toString());
        assertTrue(statuses.indexOf("HEALTHY") < statuses.lastIndexOf("DEGRADED"), statuses.toString());
        Map<String, Object> down = h.getMap("points.find { it.status == 'DEGRADED' }");
        assertEquals(2, down.get("etcdUp"));
        assertEquals(3, down.get("etcdMembers"));
        assertEquals(List.of(Map.of("part", "ETCD", "name", killed, "state", "down")), down.get("notUp"));
        JsonPath minute = given().get("/v1/clusters/hooked/history").then().statusCode(200).extract().jsonPath();
        assertEquals(60, minute.getLong("stepSeconds"));
        assertTrue(minute.getList("points.status").contains("DEGRADED"), "a minute that held a DEGRADED poll shows it");
        int polls = minute.getList("points.samples", Integer.class).stream().mapToInt(Integer::intValue).sum();
        // the poller goes on between the requests: the minute view counts every poll the one before saw, and
        // none the one after did not
        int before = h.getList("points.samples", Integer.class).stream().mapToInt(Integer::intValue).sum();
        int after = given().get("/v1/clusters/hooked/history?since=5m&step=1s").then().statusCode(200).extract().jsonPath()
                .getList("points.samples", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertTrue(before <= polls && polls <= after, "the same polls, in coarser points: " + before + " <= " + polls + " <= " + after);
    }

    @Test
    void badWebhooksAreRefusedNamingTheField() throws Exception {
        String ok = "\"url\":\"http://127.0.0.1:1/x\",\"secret\":\"0123456789abcdef\"";
        assertRefused("{\"url\":\"ftp://example.com/x\",\"secret\":\"0123456789abcdef\"}", "url", "http:// or https://");
        assertRefused("{\"secret\":\"0123456789abcdef\"}", "url", "is required");
        assertRefused("{\"url\":\"http://" + "a".repeat(3000) + "/\",\"secret\":\"0123456789abcdef\"}", "url", "at most 2048");
        assertRefused("{\"url\":\"http://u:p@example.com/\",\"secret\":\"0123456789abcdef\"}", "url", "user or password");
        assertRefused("{\"url\":\"http://127.0.0.1:1/x\"}", "secret", "is required");
        assertRefused("{\"url\":\"http://127.0.0.1:1/x\",\"secret\":\"short\"}", "secret", "16 to 256");
        assertRefused("{\"url\":\"http://127.0.0.1:1/x\",\"secret\":\"" + "s".repeat(300) + "\"}", "secret", "16 to 256");
        assertRefused("{" + ok + ",\"events\":[\"NOPE\"]}", "events[0]", "must be one of HEALTH");
        assertRefused("{" + ok + ",\"events\":[0]}", "events[0]", "must be one of HEALTH");
        assertRefused("{" + ok + ",\"clusters\":[\"Not_A_Label\"]}", "clusters[0]", "DNS label");
        assertRefused("{" + ok + ",\"format\":\"xml\"}", "format", "must be one of json, slack");
        assertRefused("{" + ok + ",\"secrets\":\"x\"}", "secrets", "unknown field");
        assertRefused("{" + ok + ",\"name\":\"other\"}", "name", "must be the name in the path");
        given().get("/v1/webhooks/nope").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/webhooks/nope/deliveries").then().statusCode(404).contentType("application/problem+json");
        given().delete("/v1/webhooks/nope").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/webhooks/Bad_Name").then().statusCode(400).contentType("application/problem+json");

        // a replacing PUT may leave the secret out: the stored one stays
        putWebhook("keep", Map.of("url", "http://127.0.0.1:1/x", "secret", "keep-secret-0123456789"));
        putWebhook("keep", Map.of("url", "http://127.0.0.1:2/y"));
        String stored = Files.readString(DATA.resolve("webhooks").resolve("keep.json"));
        assertTrue(stored.contains("keep-secret-0123456789") && stored.contains("127.0.0.1:2/y"), "secret kept, URL replaced");

        // at most 4 webhooks (this profile)
        List<String> made = new ArrayList<>(List.of("keep"));
        while (given().get("/v1/webhooks").then().extract().jsonPath().getList("name").size() < 4) {
            String name = "cap" + made.size();
            putWebhook(name, Map.of("url", "http://127.0.0.1:1/x", "secret", "cap-secret-0123456789"));
            made.add(name);
        }
        given().contentType("application/json").body("{" + ok + "}").put("/v1/webhooks/one-too-many").then().statusCode(409)
                .contentType("application/problem+json");
        for (String name : made) {
            given().delete("/v1/webhooks/" + name).then().statusCode(204);
        }
        assertFalse(Files.exists(DATA.resolve("webhooks").resolve("keep.json")));

        // history parameters
        Api.putTarget("hist", List.of(), List.of("http://127.0.0.1:1"), "mode", "v3");
        try {
            assertHistoryRefused("since=yesterday", "since", "RFC 3339");
            assertHistoryRefused("since=2099-01-01T00:00:00Z", "since", "future");
            assertHistoryRefused("since=99999d", "since", "within the kept history");
            assertHistoryRefused("step=0s", "step", "whole number");
            assertHistoryRefused("step=1w", "step", "whole number");
            assertHistoryRefused("step=2d", "step", "at most 1d");
            assertHistoryRefused("since=1h&step=1s", "step", "at most 2000");
            given().get("/v1/clusters/hist/history?since=2h&step=5m").then().statusCode(200);
            given().get("/v1/clusters/nope/history").then().statusCode(404).contentType("application/problem+json");
        } finally {
            Api.deleteTarget("hist");
        }
    }

    private static void assertRefused(String body, String field, String rule) {
        JsonPath p = given().contentType("application/json").body(body).put("/v1/webhooks/bad").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertEquals(field, p.getString("violations[0].field"), p.prettify());
        assertTrue(p.getString("violations[0].rule").contains(rule), p.prettify());
        given().get("/v1/webhooks/bad").then().statusCode(404);
    }

    private static void assertHistoryRefused(String query, String field, String rule) {
        JsonPath p = given().get("/v1/clusters/hist/history?" + query).then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertEquals(field, p.getString("violations[0].field"), query + ": " + p.prettify());
        assertTrue(p.getString("violations[0].rule").contains(rule), query + ": " + p.prettify());
    }

    private static void putWebhook(String name, Map<String, Object> body) {
        JsonPath shown = given().contentType("application/json").body(body).put("/v1/webhooks/" + name).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("set", shown.getString("secret"));
    }

    private static JsonPath deliveries(String name) {
        return given().get("/v1/webhooks/" + name + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    /** Delivery id to "KIND subject to", for each delivery answered 2xx, in the order they were. */
    private static Map<String, String> delivered(Receiver receiver) throws Exception {
        Map<String, String> byId = new LinkedHashMap<>();
        for (Receiver.Request r : receiver.requests()) {
            if (r.status() == 200) {
                JsonNode e = JSON.readTree(r.body()).get("event");
                byId.putIfAbsent(r.header("X-Coreswarm-Delivery"), e.get("kind").asText() + " " + e.get("subject").asText() + " " + e.get("to").asText());
            }
        }
        return byId;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
