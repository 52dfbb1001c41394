package io.coreswarm.monitor.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.coreswarm.testsupport.FreePorts;
import io.coreswarm.testsupport.TestApiToken;

/**
 * One replica of this service as a process: the packaged jar ({@code target/quarkus-app}, built by
 * {@code package} before failsafe runs) on a free port, configured by {@code -D} properties, its
 * output in {@code target/<id>.log}. Killed with SIGKILL ({@link #kill()}), as a crash would.
 */
public final class ServiceReplica implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            // HTTP/1.1 as curl and the CLI speak it (the JDK would try an h2c upgrade)
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String id;
    private final int port;
    private final Process process;

    private ServiceReplica(String id, int port, Process process) {
        this.id = id;
        this.port = port;
        this.process = process;
    }

    /** Starts the jar with these properties (and a free port, the tests' API token, the replica id). */
    public static ServiceReplica start(String id, Map<String, String> properties) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the *IT tests with mvn verify (after package)");
        }
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-Dquarkus.http.port=" + port,
                "-Dcoreswarm.api.token=" + TestApiToken.VALUE, "-Dcoreswarm.replica.id=" + id));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve(id + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ServiceReplica(id, port, process);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String id() {
        return id;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200 (an IllegalStateException if it exits or takes too long). */
    public ServiceReplica awaitReady(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = String.valueOf(e); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(250);
        }
        throw new IllegalStateException(id + " did not become ready (" + (process.isAlive() ? "last: " + last
                : "exited with " + process.exitValue()) + "); see target/" + id + ".log");
    }

    /** A request with the API token; the answer whatever its status. */
    public HttpResponse<String> send(String method, String path, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TestApiToken.VALUE)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(id + " did not answer " + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET that must answer 200; its body. */
    public String get(String path) {
        HttpResponse<String> r = send("GET", path, null);
        if (r.statusCode() != 200) {
            throw new AssertionError(id + " answered GET " + path + " with " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /**
     * Opens a server-sent event stream; its lines are added to {@code lines} as they come, until
     * the stream ends or the returned handle is closed.
     */
    public AutoCloseable follow(String path, List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Bearer " + TestApiToken.VALUE)
                .header("Accept", "text/event-stream").GET().build();
        var answer = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(lines::add));
        return () -> answer.cancel(true);
    }

    /** SIGKILL: no shutdown hook runs, the lease is not revoked (it expires after its TTL). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
