package io.coreswarm.provisioner.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.coreswarm.testsupport.FreePorts;
import io.coreswarm.testsupport.TestApiToken;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real config-service, started from its packaged jar on a free port (the reactor builds it
 * before this module), so the provisioner's REST client talks to the real thing.
 */
public class ConfigServiceProcess implements QuarkusTestResourceLifecycleManager {
    private Process process;

    @Override
    public Map<String, String> start() {
        Path jar = Path.of("..", "config-service", "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build config-service first (mvn verify from the top)");
        }
        int port = FreePorts.next();
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("config-service.log");
            process = new ProcessBuilder(List.of("java", "-Dquarkus.http.port=" + port,
                    // the token this module's test profile sends (prod profile: the file otherwise)
                    "-Dcoreswarm.api.token=" + TestApiToken.VALUE, "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitReady(URI.create("http://localhost:" + port + "/q/health/ready"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.rest-client.config-service.url", "http://localhost:" + port);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    private void awaitReady(URI health) {
        HttpClient http = HttpClient.newHttpClient();
        String last = "no answer yet";
        for (int i = 0; i < 120; i++) {
            try {
                int status = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                last = "answered " + status;
            } catch (IOException e) {
                last = String.valueOf(e); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (!process.isAlive()) {
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("config-service did not become ready (" + (process.isAlive() ? "last: " + last
                : "exited with " + process.exitValue()) + "); see target/config-service.log");
    }
}
