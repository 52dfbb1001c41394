package io.coreswarm.monitor.support;

import io.coreswarm.testsupport.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Docker-in-docker swarm nodes: containers of the local node image (dockerd inside) on a bridge
 * network this class creates and labels, with the flags design.md found to work without
 * --privileged. The first node inits a Swarm mode cluster, the others join it as managers. The
 * host's own dockerd only runs the containers; it never joins a swarm. Everything is removed on
 * close, and leftovers of an aborted run on start.
 */
public final class SwarmNodes implements AutoCloseable {
    public static final String IMAGE = "coreswarm/node:latest";
    static final String LABEL = "io.coreswarm.test";
    private final String name;
    public final List<Node> nodes = new ArrayList<>();

    public SwarmNodes(String name) {
        this.name = name;
    }

    public record Node(String container, String hostname, String ip) {
        public String dockerEndpoint() {
            return "tcp://" + ip + ":2375";
        }
    }

    public SwarmNodes start(int count) {
        removeLeftovers();
        if (docker("image", "inspect", IMAGE).exit != 0) {
            throw new IllegalStateException("the node image " + IMAGE + " is missing: run scripts/node-image (scripts/test does)");
        }
        ok(docker("network", "create", "--label", LABEL + "=" + name, network()));
        for (int i = 1; i <= count; i++) {
            String hostname = String.format("core-%02d", i);
            String container = name + "-" + hostname;
            ok(docker("run", "-d", "--name", container, "--hostname", hostname, "--label", LABEL + "=" + name,
                    "--network", network(),
                    "--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE",
                    "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
                    "--security-opt", "systempaths=unconfined", "--device-cgroup-rule", "a *:* rwm",
                    "-v", "/var/lib/docker", "--tmpfs", "/run",
                    IMAGE,
                    // --tls=false: a plain TCP listener otherwise delays the start by 15 s on purpose
                    "dockerd", "--tls=false", "-H", "unix:///var/run/docker.sock", "-H", "tcp://0.0.0.0:2375"));
            String ip = ok(docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", container)).strip();
            nodes.add(new Node(container, hostname, ip));
        }
        nodes.forEach(n -> Await.until(n.hostname() + "'s dockerd to answer", Duration.ofSeconds(60), () -> ping(n), ok -> ok));
        Node first = nodes.get(0);
        ok(docker("exec", first.container(), "docker", "swarm", "init", "--advertise-addr", first.ip()));
        String token = ok(docker("exec", first.container(), "docker", "swarm", "join-token", "-q", "manager")).strip();
        for (Node n : nodes.subList(1, nodes.size())) {
            ok(docker("exec", n.container(), "docker", "swarm", "join", "--token", token, "--advertise-addr", n.ip(),
                    first.ip() + ":2377"));
        }
        Await.until("every node ready in the swarm", Duration.ofSeconds(60),
                () -> ok(docker("exec", first.container(), "docker", "node", "ls", "--format", "{{.Status}}")),
                out -> out.lines().filter("Ready"::equals).count() == count);
        return this;
    }

    public List<String> dockerEndpoints() {
        return nodes.stream().map(Node::dockerEndpoint).toList();
    }

    public void stop(Node n) {
        ok(docker("stop", "-t", "2", n.container()));
    }

    @Override
    public void close() {
        removeLeftovers();
    }

    private String network() {
        return name + "-net";
    }

    private void removeLeftovers() {
        String ids = ok(docker("ps", "-aq", "--filter", "label=" + LABEL + "=" + name)).strip();
        for (String id : ids.lines().filter(l -> !l.isBlank()).toList()) {
            docker("rm", "-f", "-v", id);
        }
        String networks = ok(docker("network", "ls", "-q", "--filter", "label=" + LABEL + "=" + name)).strip();
        for (String id : networks.lines().filter(l -> !l.isBlank()).toList()) {
            docker("network", "rm", id);
        }
    }

    private static boolean ping(Node n) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build().send(
                    HttpRequest.newBuilder(URI.create("http://" + n.ip() + ":2375/_ping")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int exit, String out) {
    }

    private static String ok(Result r) {
        if (r.exit != 0) {
            throw new IllegalStateException("docker failed (" + r.exit + "): " + r.out);
        }
        return r.out;
    }

    /** The host's docker CLI: only ever about the containers and network labelled with this cluster's name. */
    private static Result docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + command);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
