package io.coreswarm.config.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.FreePorts;
import io.coreswarm.testsupport.TestApiToken;

/**
 * One replica of the packaged config-service ({@code target/quarkus-app/quarkus-run.jar}) as a
 * process of its own on a fixed free port, against etcd; it can be stopped (SIGTERM, as systemd
 * does) and started again on the same port. Its log is appended to {@code <dir>/<id>.log}.
 */
final class ConfigServiceReplica implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String id;
    private final int port = FreePorts.next();
    private final List<String> options;
    private final Path dir;
    private Process process;

    ConfigServiceReplica(String id, Path dir, List<String> options) {
        this.id = id;
        this.dir = dir;
        this.options = List.copyOf(options);
    }

    ConfigServiceReplica start() {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package config-service first: " + jar + " is missing");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "-Dcoreswarm.replica.id=" + id, "-Dcoreswarm.api.token=" + TestApiToken.VALUE));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(id + ".log").toFile()));
            builder.environment().put("CORESWARM_HOME", dir.toAbsolutePath().resolve(id + "-home").toString());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until {@code /q/health/ready} answers 200 (the store's check included). */
    ConfigServiceReplica awaitReady() {
        Await.until(id + " ready", Duration.ofSeconds(60), Duration.ofMillis(250), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(id + " exited; see " + dir.resolve(id + ".log"));
            }
            return send(HttpRequest.newBuilder(uri("/q/health/ready"))).statusCode();
        }, status -> status == 200);
        return this;
    }

    String id() {
        return id;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    URI uri(String path) {
        return URI.create(base() + path);
    }

    /** A GET with the API token. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestApiToken.HEADER));
    }

    /** A long poll, answered later. */
    CompletableFuture<HttpResponse<String>> poll(String path) {
        return HTTP.sendAsync(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A discovery PUT, with the value as etcd's client sends it (a form). */
    HttpResponse<String> put(String path, String value) throws IOException, InterruptedException {
        String form = "value=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as a service manager stops it: it revokes its lease on the way out. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
