package io.coreswarm.cli.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.coreswarm.testsupport.FreePorts;

/**
 * A real service, started from its packaged jar (the reactor builds it before this module) on a
 * free port, with its state under {@code home} (CORESWARM_HOME, so a service with the API token
 * keeps it there, where the CLI reads it).
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final URI url;

    private ServiceProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code module}'s jar with {@code -D} properties {@code extra}; returns when it is ready. */
    public static ServiceProcess start(String module, Path home, String... extra) throws IOException {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn verify -pl cli -am)");
        }
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        for (String property : extra) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createDirectories(Path.of("target")).resolve(module + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CORESWARM_HOME", home.toString());
        ServiceProcess service = new ServiceProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
        service.awaitReady(module, log);
        return service;
    }

    public String url() {
        return url.toString();
    }

    /** SIGKILL: the replica vanishes as a crashed host's would, without letting go of anything. */
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
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(String module, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        String last = "no answer yet";
        for (int i = 0; i < 160 && process.isAlive(); i++) {
            try {
                HttpRequest ready = HttpRequest.newBuilder(url.resolve("/q/health/ready")).build();
                int status = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
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
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException(module + " did not become ready (last: " + last + "); see " + log);
    }
}
