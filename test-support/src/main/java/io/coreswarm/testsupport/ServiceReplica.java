package io.coreswarm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) as a process of its own:
 * one replica with a fixed id and a free loopback port chosen once, so it can be stopped (SIGTERM,
 * as systemd does) or killed (SIGKILL, as a crash) and started again as the same replica. It gets
 * {@code -D} properties and the tests' API token (or, {@link #withoutTestToken}, its own token file),
 * and appends its output to
 * {@code target/<id>.log} of the module that runs the test.
 */
public final class ServiceReplica implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String id;
    private final Path jar;
    private final int port = FreePorts.next();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Path home;
    private boolean testToken = true;
    private Process process;

    /** @param jar the packaged service, e.g. {@code target/quarkus-app/quarkus-run.jar} */
    public ServiceReplica(String id, Path jar, Map<String, String> properties) {
        this.id = id;
        this.jar = jar;
        this.properties.putAll(properties);
    }

    /** The service's own jar, for a test in that service's module. */
    public static Path ownJar() {
        return Path.of("target", "quarkus-app", "quarkus-run.jar");
    }

    /** Another module's jar (the reactor builds it before this one), for a test of the CLI. */
    public static Path jarOf(String module) {
        return Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar");
    }

    /** {@code CORESWARM_HOME} of the process (its API token file, when it has no token given). */
    public ServiceReplica home(Path home) {
        this.home = home.toAbsolutePath();
        return this;
    }

    /** No API token given: the service makes or reads its token file in its {@link #home}, as a user's would. */
    public ServiceReplica withoutTestToken() {
        this.testToken = false;
        return this;
    }

    public String id() {
        return id;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return Path.of("target", id + ".log").toAbsolutePath();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the process (again, on the same port); {@link #awaitReady} waits for it. */
    public ServiceReplica start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the service first (mvn verify runs *IT after package)");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-Dcoreswarm.replica.id=" + id));
        if (testToken) {
            command.add("-Dcoreswarm.api.token=" + TestApiToken.VALUE);
        }
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(log().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            if (home != null) {
                builder.environment().put("CORESWARM_HOME", home.toString());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Waits until {@code /q/health/ready} answers 200. One that exits or is not ready in time is
     * killed (nobody else would stop it) and an IllegalStateException names its log.
     */
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
            pause(250);
        }
        String exit = process.isAlive() ? "last: " + last : "exited with " + process.exitValue();
        kill();
        throw new IllegalStateException(id + " did not become ready (" + exit + "); see " + log());
    }

    /** A request with the tests' API token; the answer whatever its status. */
    public HttpResponse<String> send(String method, String path, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
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
     * Opens a server-sent event stream; its lines are added to {@code lines} as they come, until the
     * stream ends or the returned handle is closed.
     */
    public AutoCloseable follow(String path, List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Bearer " + TestApiToken.VALUE)
                .header("Accept", "text/event-stream").GET().build();
        var answer = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(lines::add));
        return () -> answer.cancel(true);
    }

    /** SIGKILL: no shutdown hook runs; a lease it held is not revoked but expires after its TTL. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM, as a service manager stops it (it revokes its lease on the way out); SIGKILL after 30 s. */
    public void stop() {
        if (isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(30))) {
                kill();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean waitFor(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
