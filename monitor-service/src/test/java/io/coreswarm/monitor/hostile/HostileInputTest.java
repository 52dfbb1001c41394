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
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * monitor-service's share of the hostile-input corpus (config-service has the large one): bodies
 * a target must never be made from. For each: a 4xx problem+json within 10 s, no internal names,
 * no target file written, the service still ready.
 */
@QuarkusTest
class HostileInputTest {
    private static final Path FILES = Path.of("target", "monitor-data", "targets");

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

    private static List<Path> files() throws IOException {
        if (!Files.isDirectory(FILES)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(FILES)) {
            return s.sorted().toList();
        }
    }
}
