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

import io.coreswarm.api.node.NodeLayout;

/**
 * Docker-in-docker swarm nodes: containers of the local node image (dockerd inside) on a bridge
 * network this class creates and labels, named and started as {@link NodeLayout} says (machine
 * names, the docker-in-docker flags that work without --privileged, ports). The first node inits a Swarm mode cluster, the others join it as managers. The
 * host's own dockerd only runs the containers; it never joins a swarm. Everything is removed on
 * close, and leftovers of an aborted run on start.
 */
public final class SwarmNodes implements AutoCloseable {
    public static final String IMAGE = NodeLayout.NODE_IMAGE;
    static final String LABEL = "io.coreswarm.test";
    private final String name;
    public final List<Node> nodes = new ArrayList<>();

    public SwarmNodes(String name) {
        this.name = name;
    }

    public record Node(String container, String hostname, String ip) {
        public String dockerEndpoint() {
            return "tcp://" + ip + ":" + NodeLayout.DOCKER_PORT;
        }
    }

    public SwarmNodes start(int count) {
        removeLeftovers();
        if (docker("image", "inspect", IMAGE).exit != 0) {
            throw new IllegalStateException("the node image " + IMAGE + " is missing: run scripts/node-image (scripts/test does)");
        }
        ok(docker("network", "create", "--label", LABEL + "=" + name, network()));
        for (int i = 1; i <= count; i++) {
            String hostname = NodeLayout.machineName(i);
            String container = NodeLayout.containerName(name, hostname);
            List<String> run = new ArrayList<>(List.of("run", "-d", "--name", container, "--hostname", hostname,
                    "--label", LABEL + "=" + name, "--network", network()));
            run.addAll(NodeLayout.DIND_CREATE_ARGS);
            run.add(IMAGE);
            // --tls=false: a plain TCP listener otherwise delays the start by 15 s on purpose
            run.addAll(List.of("dockerd", "--tls=false", "-H", "unix:///var/run/docker.sock",
                    "-H", "tcp://0.0.0.0:" + NodeLayout.DOCKER_PORT));
            ok(docker(run.toArray(String[]::new)));
            String ip = ok(docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", container)).strip();
            nodes.add(new Node(container, hostname, ip));
        }
        nodes.forEach(n -> Await.until(n.hostname() + "'s dockerd to answer", Duration.ofSeconds(60), () -> ping(n), ok -> ok));
        Node first = nodes.get(0);
        ok(docker("exec", first.container(), "docker", "swarm", "init", "--advertise-addr", first.ip()));
        String token = ok(docker("exec", first.container(), "docker", "swarm", "join-token", "-q", "manager")).strip();
        for (Node n : nodes.subList(1, nodes.size())) {
            ok(docker("exec", n.container(), "docker", "swarm", "join", "--token", token, "--advertise-addr", n.ip(),
                    first.ip() + ":" + NodeLayout.SWARM_PORT));
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
                    HttpRequest.newBuilder(URI.create("http://" + n.ip() + ":" + NodeLayout.DOCKER_PORT + "/_ping")).timeout(Duration.ofSeconds(2)).build(),
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
