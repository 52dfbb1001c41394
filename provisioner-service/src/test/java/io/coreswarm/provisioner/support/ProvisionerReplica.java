package io.coreswarm.provisioner.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.coreswarm.testsupport.FreePorts;
import io.coreswarm.testsupport.TestApiToken;

/**
 * One replica of the packaged provisioner ({@code target/quarkus-app/quarkus-run.jar}) as a process
 * of its own, with {@code coreswarm.store=etcd}: a fixed replica id, port and workspace folder, so
 * that it can be killed and started again as the same replica.
 */
public final class ProvisionerReplica {
    private final String id;
    private final int port = FreePorts.next();
    private final Path workspaces;
    private final List<String> settings;
    private Process process;

    /** @param settings further -D settings (etcd endpoints, config-service URL, lease TTL...) */
    public ProvisionerReplica(String id, Path workspaces, List<String> settings) {
        this.id = id;
        this.workspaces = workspaces.toAbsolutePath();
        this.settings = List.copyOf(settings);
    }

    public String id() {
        return id;
    }

    public int port() {
        return port;
    }

    public String address() {
        return "http://127.0.0.1:" + port;
    }

    public ProvisionerReplica start() {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the provisioner first: " + jar + " is missing");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Dquarkus.http.port=" + port, "-Dcoreswarm.replica.id=" + id,
                "-Dcoreswarm.store=etcd", "-Dcoreswarm.provisioner.workspaces=" + workspaces,
                "-Dcoreswarm.api.token=" + TestApiToken.VALUE, "-Dquarkus.rest-client.monitor-service.url=http://localhost:1"));
        command.addAll(settings);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "replica-" + id + ".log").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        awaitReady();
        return this;
    }

    /** SIGKILL: the replica's lease is not revoked, it expires. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(address() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                last = "answered " + status;
            } catch (IOException e) {
                last = String.valueOf(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String exit = process.isAlive() ? null : String.valueOf(process.exitValue());
        // a replica that never became ready is nobody's to stop: not left running
        process.destroyForcibly();
        throw new IllegalStateException("replica " + id + " did not become ready (" + (exit == null ? "last: " + last
                : "exited with " + exit) + "); see target/replica-" + id + ".log");
    }
}
