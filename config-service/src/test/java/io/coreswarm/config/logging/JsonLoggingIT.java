package io.coreswarm.config.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.FreePorts;

/**
 * {@code coreswarm.log.format=json} as a log shipper meets it: the packaged service, started with
 * it, writes every line after Quarkus's banner as one JSON object, access log lines included.
 */
class JsonLoggingIT {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyLineAfterTheBannerIsAJsonObject() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package config-service first");
        Path home = Files.createDirectories(Path.of("target", "json-logging-it").toAbsolutePath());
        Path log = home.resolve("config-service.log");
        int port = FreePorts.next();
        ProcessBuilder builder = new ProcessBuilder("java", "-Dquarkus.http.port=" + port, "-Dcoreswarm.log.format=json",
                "-Dquarkus.http.access-log.enabled=true", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CORESWARM_HOME", home.toString());
        Process service = builder.start();
        try {
            Await.until("config-service to be ready", Duration.ofSeconds(90), Duration.ofMillis(250),
                    () -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode(),
                    status -> status == 200);
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }

        List<String> lines = Files.readAllLines(log);
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith("{")) {
            first++;
        }
        assertTrue(first <= 6, "only the banner before JSON: " + lines.subList(0, Math.min(lines.size(), 8)));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = lines.subList(first, lines.size()).stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        records.forEach(r -> assertTrue(r.hasNonNull("level") && r.hasNonNull("message") && r.hasNonNull("timestamp"), r.toString()));
        assertTrue(records.stream().anyMatch(r -> r.get("message").asText().contains("started in")), "the start line");
        assertTrue(records.stream().anyMatch(r -> r.get("message").asText().contains("/q/health/ready")), "an access log line");
        assertEquals(0, lines.subList(first, lines.size()).stream().filter(l -> !l.startsWith("{")).count());
    }
}
