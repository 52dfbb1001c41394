package io.coreswarm.config.replicas;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.coreswarm.testsupport.ServiceReplica;
import io.coreswarm.testsupport.TestApiToken;

/**
 * One replica of the packaged config-service ({@link ServiceReplica}: a process on a fixed free
 * port, stopped and started again as the same replica) and the requests discovery's clients make
 * of it: etcd's client PUTs a form and long-polls without a token.
 */
final class ConfigServiceReplica implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceReplica process;

    ConfigServiceReplica(String id, Path dir, Map<String, String> properties) {
        this.process = new ServiceReplica(id, ServiceReplica.ownJar(), properties).home(dir.resolve(id + "-home"));
    }

    ConfigServiceReplica start() {
        process.start();
        return this;
    }

    /** Waits until {@code /q/health/ready} answers 200 (the store's check included). */
    ConfigServiceReplica awaitReady() {
        process.awaitReady(Duration.ofSeconds(60));
        return this;
    }

    String id() {
        return process.id();
    }

    String base() {
        return process.url();
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
    void stop() {
        process.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
