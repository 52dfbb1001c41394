package io.coreswarm.monitor.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.pki.ClusterPki;
import io.coreswarm.pki.PemFiles;
import io.coreswarm.pki.PkiLayout;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.Exec;

/**
 * One node container of the node image (docker-in-docker flags of {@link NodeLayout}) whose dockerd
 * serves {@code --tlsverify} on 2376 with its certificate of a {@link ClusterPki}, mounted as a
 * folder at {@link PkiLayout#NODE_MOUNT} as a coreswarm node mounts it, and a single-manager Swarm
 * mode cluster on it. The certificate is issued once docker gave the node its address. The
 * container and its network carry the label {@code io.coreswarm.test=<name>}; both are removed on
 * close, and leftovers of an aborted run on start.
 */
public final class TlsDockerNode implements AutoCloseable {
    static final String LABEL = "io.coreswarm.test";
    public static final String NODE = "core-01";
    public final ClusterPki pki;
    private final String name;
    private final Path dockerConfig;
    private String ip;

    public TlsDockerNode(String name, Path work) {
        this.name = name;
        this.pki = ClusterPki.create(work.resolve("pki"), name);
        this.dockerConfig = work.resolve("docker-config");
    }

    public TlsDockerNode start() {
        removeLeftovers();
        if (Exec.run("docker", "image", "inspect", NodeLayout.NODE_IMAGE).exitCode() != 0) {
            throw new IllegalStateException("the node image " + NodeLayout.NODE_IMAGE + " is missing: run scripts/node-image (scripts/test does)");
        }
        Exec.ok("docker", "network", "create", "--label", LABEL + "=" + name, network());
        PemFiles.createPrivateDirectories(pki.layout().nodeDir(NODE));
        List<String> run = new ArrayList<>(List.of("docker", "run", "-d", "--name", container(), "--hostname", NODE,
                "--label", LABEL + "=" + name, "--network", network(),
                "--mount", "type=bind,src=" + pki.layout().nodeDir(NODE) + ",dst=" + PkiLayout.NODE_MOUNT + ",readonly"));
        run.addAll(NodeLayout.DIND_CREATE_ARGS);
        run.addAll(List.of(NodeLayout.NODE_IMAGE, "sleep", "infinity"));
        Exec.ok(run.toArray(String[]::new));
        ip = Exec.ok("docker", "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", container()).strip();
        pki.issueNode(NODE, List.of(ip, container()));
        String tls = PkiLayout.NODE_MOUNT + "/";
        Exec.ok("docker", "exec", "-d", container(), "sh", "-c", "exec dockerd --tlsverify"
                + " --tlscacert " + tls + PkiLayout.CA_CERT + " --tlscert " + tls + PkiLayout.SERVER_CERT
                + " --tlskey " + tls + PkiLayout.SERVER_KEY
                + " -H unix:///var/run/docker.sock -H tcp://0.0.0.0:" + NodeLayout.DOCKER_TLS_PORT + " >>/var/log/dockerd.log 2>&1");
        Await.until("dockerd answers over TLS", Duration.ofSeconds(60), () -> docker("version", "--format", "{{.Server.Version}}"),
                exec -> exec.exitCode() == 0);
        Exec.ok("docker", "exec", container(), "docker", "swarm", "init", "--advertise-addr", ip);
        return this;
    }

    /** {@code tcp://<ip>:2376}. */
    public String dockerEndpoint() {
        return "tcp://" + ip + ":" + NodeLayout.DOCKER_TLS_PORT;
    }

    public Path clientDir() {
        return pki.layout().clientDir();
    }

    /** What dockerd logged (refused handshakes among it). */
    public String dockerdLog() {
        return Exec.ok("docker", "exec", container(), "cat", "/var/log/dockerd.log");
    }

    /** The host's docker CLI against the node over TLS with the cluster's client files. */
    private Exec docker(String... args) {
        Map<String, String> env = new HashMap<>(Map.of("DOCKER_CONFIG", dockerConfig.toString(), "DOCKER_HOST", dockerEndpoint(),
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", clientDir().toString()));
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return Exec.run(command, env, null);
    }

    private String container() {
        return NodeLayout.containerName(name, NODE);
    }

    private String network() {
        return name + "-net";
    }

    /** Containers and networks that carry this node's label (none after close). */
    public List<String> labelled() {
        List<String> all = new ArrayList<>();
        all.addAll(Exec.ok("docker", "ps", "-aq", "--filter", "label=" + LABEL + "=" + name).lines().filter(l -> !l.isBlank()).toList());
        all.addAll(Exec.ok("docker", "network", "ls", "-q", "--filter", "label=" + LABEL + "=" + name).lines().filter(l -> !l.isBlank()).toList());
        return all;
    }

    @Override
    public void close() {
        removeLeftovers();
    }

    private void removeLeftovers() {
        for (String id : Exec.ok("docker", "ps", "-aq", "--filter", "label=" + LABEL + "=" + name).lines().filter(l -> !l.isBlank()).toList()) {
            Exec.run("docker", "rm", "-f", "-v", id);
        }
        for (String id : Exec.ok("docker", "network", "ls", "-q", "--filter", "label=" + LABEL + "=" + name).lines().filter(l -> !l.isBlank()).toList()) {
            Exec.run("docker", "network", "rm", id);
        }
    }
}
