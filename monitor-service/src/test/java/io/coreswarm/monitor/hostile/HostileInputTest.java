package io.coreswarm.monitor.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.sun.net.httpserver.HttpServer;

import io.coreswarm.monitor.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * monitor-service's share of the hostile-input corpus (config-service has the large one): bodies
 * a target must never be made from. For each: a 4xx problem+json within 10 s, no internal names,
 * no target file written, the service still ready. Also (issue #11): no unix socket, no host
 * outside the allowed networks, caps on targets and endpoints (small here, through the profile),
 * and an etcd v2 answer's client URLs never followed beyond the target's endpoints.
 */
@QuarkusTest
@TestProfile(HostileInputTest.SmallCaps.class)
class HostileInputTest {
    public static class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("coreswarm.monitor.max-targets", "3",
                    "coreswarm.monitor.max-endpoints-per-target", "4",
                    "coreswarm.monitor.max-endpoints", "8",
                    "coreswarm.monitor.data-dir", "target/monitor-data-hostile");
        }
    }

    private static final Path FILES = Path.of("target", "monitor-data-hostile", "targets");

    static Stream<Arguments> corpus() {
        String ok = "\"dockerEndpoints\":[\"tcp://127.0.0.1:1\"],\"etcdEndpoints\":[\"http://127.0.0.1:1\"]";
        return Stream.of(
                Arguments.of("body over 1 MiB", "{" + ok + ",\"swarm\":\"" + "m".repeat(1_100_000) + "\"}", false),
                Arguments.of("body over 1 MiB, chunked", "{" + ok + ",\"swarm\":\"" + "m".repeat(1_100_000) + "\"}", true),
                Arguments.of("endpoint as number", "{\"dockerEndpoints\":[2375]}", false),
                Arguments.of("swarm as boolean", "{" + ok + ",\"swarm\":true}", false),
                Arguments.of("duplicate key", "{" + ok + ",\"swarm\":\"mode\",\"swarm\":\"classic\"}", false),
                Arguments.of("trailing document", "{" + ok + "}{\"swarm\":\"classic\"}", false),
                Arguments.of("trailing garbage", "{" + ok + "} ;id", false),
                Arguments.of("nesting 50000 deep", "{\"dockerEndpoints\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}", false),
                Arguments.of("endpoint with CRLF", "{\"dockerEndpoints\":[\"tcp://127.0.0.1:1\\r\\nX: y\"]}", false),
                Arguments.of("endpoint port 99999", "{\"dockerEndpoints\":[\"tcp://127.0.0.1:99999\"]}", false),
                Arguments.of("etcd endpoint with a path", "{\"etcdEndpoints\":[\"http://127.0.0.1:2379/../../x\"]}", false),
                Arguments.of("200 endpoints", "{\"dockerEndpoints\":[" + String.join(",", java.util.Collections.nCopies(200, "\"tcp://127.0.0.1:1\"")) + "]}", false),
                Arguments.of("not JSON", "\u0000\u0001binary", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileTargetIsRefusedWithoutHarm(String name, String body, boolean chunked) throws IOException {
        List<Path> before = files();
        long start = System.nanoTime();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Response r = chunked
                ? given().contentType("application/json").body(new ByteArrayInputStream(bytes)).put("/v1/targets/hostile")
                : given().contentType("application/json").body(bytes).put("/v1/targets/hostile");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis < 10_000, name + " took " + millis + " ms");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, name + ": " + r.statusCode() + " " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), name + ": " + r.contentType());
        for (String internal : new String[] { "com.fasterxml", "Jackson", "io.coreswarm", "java.", "Exception", "`" }) {
            assertFalse(r.asString().contains(internal), name + " names " + internal + ": " + r.asString());
        }
        assertEquals(before, files(), "no target written");
        given().get("/v1/targets/hostile").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Refusals that must name the field, each a 400 problem. */
    static Stream<Arguments> refusedFields() {
        return Stream.of(
                Arguments.of("the host's docker.sock", "{\"dockerEndpoints\":[\"unix:///var/run/docker.sock\"]}", "dockerEndpoints[0]"),
                Arguments.of("a unix socket after a good endpoint", "{\"dockerEndpoints\":[\"tcp://127.0.0.1:1\",\"unix:///run/docker.sock\"]}",
                        "dockerEndpoints[1]"),
                Arguments.of("npipe", "{\"dockerEndpoints\":[\"npipe:////./pipe/docker_engine\"]}", "dockerEndpoints[0]"),
                Arguments.of("etcd over file://", "{\"etcdEndpoints\":[\"file:///etc/passwd\"]}", "etcdEndpoints[0]"),
                Arguments.of("etcd over gopher", "{\"etcdEndpoints\":[\"gopher://127.0.0.1:2379\"]}", "etcdEndpoints[0]"),
                Arguments.of("etcd with a query", "{\"etcdEndpoints\":[\"http://127.0.0.1:2379?x=1\"]}", "etcdEndpoints[0]"),
                Arguments.of("etcd with a user", "{\"etcdEndpoints\":[\"http://u:p@127.0.0.1:2379\"]}", "etcdEndpoints[0]"),
                Arguments.of("a public address", "{\"dockerEndpoints\":[\"tcp://8.8.8.8:2375\"]}", "dockerEndpoints[0]"),
                Arguments.of("a public etcd address", "{\"etcdEndpoints\":[\"http://1.1.1.1:2379\"]}", "etcdEndpoints[0]"),
                Arguments.of("an unlisted name", "{\"dockerEndpoints\":[\"tcp://example.com:2375\"]}", "dockerEndpoints[0]"),
                Arguments.of("a name that looks like an address", "{\"dockerEndpoints\":[\"tcp://127.1:2375\"]}", "dockerEndpoints[0]"),
                Arguments.of("an octal-looking address", "{\"dockerEndpoints\":[\"tcp://0177.0.0.1:2375\"]}", "dockerEndpoints[0]"),
                Arguments.of("a hex address", "{\"dockerEndpoints\":[\"tcp://0x7f000001:2375\"]}", "dockerEndpoints[0]"),
                Arguments.of("0.0.0.0", "{\"dockerEndpoints\":[\"tcp://0.0.0.0:2375\"]}", "dockerEndpoints[0]"),
                Arguments.of("link-local metadata address", "{\"etcdEndpoints\":[\"http://169.254.169.254:80\"]}", "etcdEndpoints[0]"),
                Arguments.of("IPv4-mapped public IPv6", "{\"dockerEndpoints\":[\"tcp://[::ffff:8.8.8.8]:2375\"]}", "dockerEndpoints[0]"),
                Arguments.of("public IPv6", "{\"etcdEndpoints\":[\"http://[2001:db8::1]:2379\"]}", "etcdEndpoints[0]"),
                Arguments.of("more endpoints than the cap", "{\"dockerEndpoints\":[" + String.join(",",
                        java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> "\"tcp://127.0.0.1:" + i + "\"").toList()) + "]}",
                        "dockerEndpoints"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFields")
    void anEndpointOutsideThePolicyIsRefusedNamingTheField(String name, String body, String field) throws IOException {
        List<Path> before = files();
        Response r = given().contentType("application/json").body(body).put("/v1/targets/hostile");
        assertEquals(400, r.statusCode(), name + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), name + ": " + r.contentType());
        assertEquals(field, r.jsonPath().getString("violations[0].field"), name + ": " + r.asString());
        assertEquals(before, files(), "no target written");
        given().get("/v1/targets/hostile").then().statusCode(404);
    }

    @Test
    void loopbackPrivateAndLocalhostAreAccepted() {
        given().contentType("application/json").body("{\"dockerEndpoints\":[\"tcp://172.29.1.101:2375\",\"tcp://[::1]:2375\"],"
                + "\"etcdEndpoints\":[\"http://localhost:2379\",\"http://10.1.2.3:2379\"]}")
                .put("/v1/targets/private").then().statusCode(200);
        given().delete("/v1/targets/private").then().statusCode(204);
    }

    @Test
    void targetsAndEndpointsAreCapped() throws IOException {
        try {
            for (int i = 1; i <= 3; i++) {
                given().contentType("application/json").body("{\"dockerEndpoints\":[\"tcp://127.0.0.1:" + i + "\"]}")
                        .put("/v1/targets/capped-" + i).then().statusCode(200);
            }
            List<Path> before = files();
            Response r = given().contentType("application/json").body("{\"dockerEndpoints\":[\"tcp://127.0.0.1:4\"]}")
                    .put("/v1/targets/capped-4");
            assertEquals(409, r.statusCode(), r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"));
            assertTrue(r.jsonPath().getString("detail").contains("coreswarm.monitor.max-targets"), r.asString());
            assertEquals(before, files());
            // replacing a target is not a new one
            given().contentType("application/json").body("{\"dockerEndpoints\":[\"tcp://127.0.0.1:5\"]}")
                    .put("/v1/targets/capped-1").then().statusCode(200);
            // endpoints over all targets: 1 + 4 + 5 > 8
            String four = "[\"tcp://127.0.0.1:1\",\"tcp://127.0.0.1:2\",\"tcp://127.0.0.1:3\",\"tcp://127.0.0.1:4\"]";
            given().contentType("application/json").body("{\"dockerEndpoints\":" + four + "}").put("/v1/targets/capped-2")
                    .then().statusCode(200);
            given().contentType("application/json").body("{\"dockerEndpoints\":" + four + ",\"etcdEndpoints\":[\"http://127.0.0.1:9\"]}")
                    .put("/v1/targets/capped-3").then().statusCode(409).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("coreswarm.monitor.max-endpoints"));
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            for (int i = 1; i <= 4; i++) {
                given().delete("/v1/targets/capped-" + i);
            }
        }
    }

    /**
     * An etcd v2 member list (the target's own endpoint answers it) whose client URLs point
     * elsewhere: another port on loopback, the declared endpoint with a path and a query, a user.
     * None of them is contacted; the members are shown unreachable, "not followed", without the URL.
     */
    @Test
    void etcdV2ClientUrlsBeyondTheDeclaredEndpointsAreNeverFollowed() throws Exception {
        List<String> elsewhere = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<String> declaredPaths = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", x -> {
            elsewhere.add(x.getRequestURI().toString());
            answer(x, 200, "{}");
        });
        other.start();
        HttpServer etcd = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String self = "http://127.0.0.1:" + etcd.getAddress().getPort();
        String otherUrl = "http://127.0.0.1:" + other.getAddress().getPort();
        String members = "{\"members\":["
                + "{\"id\":\"a1\",\"name\":\"self\",\"clientURLs\":[\"" + self + "\"]},"
                + "{\"id\":\"b2\",\"name\":\"elsewhere\",\"clientURLs\":[\"" + otherUrl + "\"]},"
                + "{\"id\":\"c3\",\"name\":\"pathed\",\"clientURLs\":[\"" + self + "/secret/x?token=1\"]},"
                + "{\"id\":\"d4\",\"name\":\"usered\",\"clientURLs\":[\"http://u:p@127.0.0.1:" + etcd.getAddress().getPort() + "\"]}"
                + "]}";
        etcd.createContext("/", x -> {
            String path = x.getRequestURI().toString();
            declaredPaths.add(path);
            switch (path) {
                case "/v2/members" -> answer(x, 200, members);
                case "/v2/stats/self" -> answer(x, 200, "{\"id\":\"a1\",\"leaderInfo\":{\"leader\":\"a1\"}}");
                case "/version" -> answer(x, 200, "{\"etcdserver\":\"2.3.8\"}");
                case "/health" -> answer(x, 200, "{\"health\":\"true\"}");
                default -> answer(x, 404, "{}");
            }
        });
        etcd.start();
        try {
            given().contentType("application/json").body("{\"etcdEndpoints\":[\"" + self + "\"],\"etcdApi\":\"v2\"}")
                    .put("/v1/targets/v2-lure").then().statusCode(200);
            JsonPath health = Api.awaitHealth("v2-lure", "four etcd members", Duration.ofSeconds(15),
                    h -> h.getList("etcd") != null && h.getList("etcd").size() == 4);
            assertEquals(List.of(true, false, false, false), health.getList("etcd.reachable"));
            assertEquals(self, health.getString("etcd.find { it.name == 'self' }.endpoint"));
            for (String lure : List.of("elsewhere", "pathed", "usered")) {
                assertEquals(null, health.getString("etcd.find { it.name == '" + lure + "' }.endpoint"), lure);
                assertTrue(health.getString("etcd.find { it.name == '" + lure + "' }.error").contains("not followed"), lure);
            }
            String all = given().get("/v1/clusters/v2-lure/health").asString() + Api.info("v2-lure");
            assertFalse(all.contains("secret") || all.contains("token=1") || all.contains(otherUrl) || all.contains("u:p@"), all);
            assertEquals(List.of(), elsewhere, "a host the target does not declare was contacted");
            assertTrue(declaredPaths.stream().allMatch(p -> List.of("/v2/members", "/v2/stats/self", "/version", "/health").contains(p)),
                    declaredPaths.toString());
        } finally {
            given().delete("/v1/targets/v2-lure");
            etcd.stop(0);
            other.stop(0);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (var out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<Path> files() throws IOException {
        if (!Files.isDirectory(FILES)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(FILES)) {
            return s.sorted().toList();
        }
    }
}
