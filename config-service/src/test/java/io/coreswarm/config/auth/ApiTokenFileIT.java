package io.coreswarm.config.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.FreePorts;

/**
 * The token file as a user meets it: the packaged config-service, started as a process with
 * {@code CORESWARM_HOME} set and no token configured. Two started at once make one token file
 * (0600 in a 0700 directory) and both take its token; the next start reads it again; a configured
 * token wins over it; and no log line of any of them carries a token, with access logging and
 * coreswarm's debug logging on.
 */
class ApiTokenFileIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final String CONFIGURED = "configured-token-for-this-test-0123456789";
    private static final String WRONG = "a-wrong-token-that-must-not-be-logged-0123";

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            p.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void theFirstStartMakesOneTokenTheNextReadsItAndAConfiguredOneWins() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "api-token-it")).toAbsolutePath()
                .resolve("home-" + System.nanoTime());
        Path file = home.resolve("api-token");

        // two services starting together on a CORESWARM_HOME that does not exist yet
        int first = start(home, List.of());
        int second = start(home, List.of());
        awaitReady(first);
        awaitReady(second);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        String token = Files.readString(file).strip();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, URL-safe base64");
        try (var left = Files.list(home)) {
            assertEquals(List.of(file), left.toList(), "one file, no temporary one left");
        }
        // Swagger UI is served by the packaged (prod) service too, behind the same token
        assertEquals(200, status(first, "/q/swagger-ui/", "Bearer " + token));
        assertEquals(401, status(first, "/q/swagger-ui/", null));
        for (int port : List.of(first, second)) {
            assertEquals(200, status(port, "Bearer " + token));
            assertEquals(401, status(port, null));
            assertEquals(401, status(port, "Bearer " + WRONG));
        }
        stop();
        processes.clear();

        // the next start reads the same token
        int again = start(home, List.of());
        awaitReady(again);
        assertEquals(token, Files.readString(file).strip());
        assertEquals(200, status(again, "Bearer " + token));
        stop();
        processes.clear();

        // a configured token wins; the file is left as it is
        int configured = start(home, List.of("-Dcoreswarm.api.token=" + CONFIGURED));
        awaitReady(configured);
        assertEquals(200, status(configured, "Bearer " + CONFIGURED));
        assertEquals(401, status(configured, "Bearer " + token));
        assertEquals(token, Files.readString(file).strip());
        stop();
        processes.clear();

        for (Path log : logs) {
            String text = Files.readString(log);
            assertTrue(text.contains("/v1/discovery/new"), "the access log is on: " + log);
            for (String secret : List.of(token, CONFIGURED, WRONG)) {
                assertFalse(text.contains(secret), log + " shows a token");
            }
        }
    }

    private int start(Path home, List<String> options) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package config-service first");
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of("java", "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.access-log.enabled=true", "-Dquarkus.log.category.\"io.coreswarm\".level=DEBUG"));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Path.of("target", "api-token-it", "config-service-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CORESWARM_HOME", home.toString());
        processes.add(builder.start());
        logs.add(log);
        return port;
    }

    private static void awaitReady(int port) {
        Await.until("config-service on " + port + " to be ready", Duration.ofSeconds(90), Duration.ofMillis(250),
                () -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode(),
                status -> status == 200);
    }

    private static int status(int port, String authorization) throws Exception {
        return status(port, "/v1/discovery/new", authorization);
    }

    private static int status(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
