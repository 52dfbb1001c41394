package io.coreswarm.provisioner.nodetls;

import io.coreswarm.testsupport.Exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.docker.TlsFiles;
import io.coreswarm.pki.ClientTls;
import io.coreswarm.pki.ClusterPki;
import io.coreswarm.pki.PemFiles;
import io.coreswarm.pki.PkiLayout;
import io.coreswarm.provisioner.support.HostDocker;
import io.coreswarm.testsupport.Await;

/**
 * A real dockerd in a node container (the node image, docker-in-docker flags, a network of the
 * test's own) serving {@code --tlsverify} on 2376 with node core-01's certificate from
 * {@link ClusterPki}. The node sees its folder of {@code nodes/} through a read-only folder bind
 * mount at {@link PkiLayout#NODE_MOUNT}, as the local target is meant to mount it; the certificate
 * is issued after the container started, for the address docker gave it, and appears inside
 * through the mount. The docker CLI and docker-java (httpclient5) get in with the client
 * certificate and are refused without it or with another cluster's; after a regeneration with a
 * new CA and a dockerd restart, the old client certificate is refused and the new one works.
 * Run under {@code flock /tmp/coreswarm-e2e.lock}.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerdTlsTest {
    static final String CLUSTER = "pki-dockerd-test";
    static final String NODE = "core-01";
    static final String CONTAINER = NodeLayout.containerName(CLUSTER, NODE);
    static final String NETWORK = NodeLayout.networkName(CLUSTER);
    static final int TLS_PORT = 2376;

    @TempDir
    static Path work;

    private ClusterPki pki;
    private Path foreignClient;
    private Path dockerConfig;
    private String ip;

    @BeforeAll
    void startANodeWithTlsDockerd() throws IOException {
        assertTrue(HostDocker.imageExists(NodeLayout.NODE_IMAGE), "the node image is missing: run scripts/node-image (scripts/test does)");
        HostDocker.removeLeftovers(CLUSTER);
        pki = ClusterPki.create(work.resolve("pki"), CLUSTER);
        ClusterPki other = ClusterPki.create(work.resolve("other-pki"), "other");
        // this cluster's CA with another cluster's client certificate: the server's side is trusted, ours is not
        foreignClient = Files.createDirectories(work.resolve("foreign-client"));
        Files.copy(pki.layout().clientCa(), foreignClient.resolve(PkiLayout.CA_CERT));
        Files.copy(other.layout().clientCertificate(), foreignClient.resolve(PkiLayout.CLIENT_CERT));
        Files.copy(other.layout().clientKey(), foreignClient.resolve(PkiLayout.CLIENT_KEY));
        dockerConfig = Files.createDirectories(work.resolve("docker-config"));

        Exec.ok("docker", "network", "create", "--label", NodeLayout.CLUSTER_LABEL + "=" + CLUSTER, NETWORK);
        PemFiles.createPrivateDirectories(pki.layout().nodeDir(NODE));
        List<String> run = new ArrayList<>(List.of("docker", "run", "-d", "--name", CONTAINER,
                "--label", NodeLayout.CLUSTER_LABEL + "=" + CLUSTER, "--network", NETWORK, "--hostname", NODE,
                "--mount", "type=bind,src=" + pki.layout().nodeDir(NODE) + ",dst=" + PkiLayout.NODE_MOUNT + ",readonly"));
        run.addAll(NodeLayout.DIND_CREATE_ARGS);
        run.addAll(List.of(NodeLayout.NODE_IMAGE, "sleep", "infinity"));
        Exec.ok(run.toArray(String[]::new));
        ip = Exec.ok("docker", "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", CONTAINER).strip();

        // issued now, for the address docker gave the node: it appears in the node through the folder mount
        pki.issueNode(NODE, List.of(ip, CONTAINER));
        assertEquals(Files.readString(pki.layout().serverCertificate(NODE)),
                Exec.ok("docker", "exec", CONTAINER, "cat", PkiLayout.NODE_MOUNT + "/" + PkiLayout.SERVER_CERT));
        startDockerd();
    }

    @AfterAll
    void removeTheNode() {
        Exec.run("docker", "rm", "-f", "-v", CONTAINER);
        Exec.run("docker", "network", "rm", NETWORK);
        assertEquals(List.of(), HostDocker.containers(CLUSTER), "no container left");
        assertEquals(List.of(), HostDocker.networks(CLUSTER), "no network left");
    }

    @Test
    @Order(1)
    void theDockerCliWithTheClientCertificateIsServed() {
        // as a user after eval "$(... env)"
        Exec info = docker(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", pki.layout().clientDir().toString()),
                "info", "--format", "{{.ID}} {{.Name}}");
        assertEquals(0, info.exitCode(), info.output());
        assertTrue(info.output().strip().endsWith(" " + NODE), info.output());
        // and with the flags
        Exec flags = docker(Map.of(), "--tlsverify", "--tlscacert", pki.layout().clientCa().toString(),
                "--tlscert", pki.layout().clientCertificate().toString(), "--tlskey", pki.layout().clientKey().toString(),
                "version", "--format", "{{.Server.Version}}");
        assertEquals(0, flags.exitCode(), flags.output());
    }

    @Test
    @Order(2)
    void theDockerCliWithoutTheClientCertificateOrWithAnotherClustersIsRefused() throws IOException {
        Path caOnly = Files.createDirectories(work.resolve("ca-only"));
        Files.copy(pki.layout().clientCa(), caOnly.resolve(PkiLayout.CA_CERT), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int refusals = refusalsLogged();
        Exec noCertificate = docker(Map.of(), "--tlsverify", "--tlscacert", caOnly.resolve(PkiLayout.CA_CERT).toString(), "info");
        assertNotEquals(0, noCertificate.exitCode(), noCertificate.output());
        assertTrue(noCertificate.output().contains("bad certificate"), noCertificate.output());
        awaitMoreRefusalsThan(refusals);

        // Go's client sends no certificate whose issuer the server's request does not name: dockerd sees none
        refusals = refusalsLogged();
        Exec foreign = docker(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", foreignClient.toString()), "info");
        assertNotEquals(0, foreign.exitCode(), foreign.output());
        assertTrue(foreign.output().contains("bad certificate"), foreign.output());
        awaitMoreRefusalsThan(refusals);

        Exec plain = docker(Map.of(), "info");
        assertNotEquals(0, plain.exitCode(), plain.output());
        assertTrue(plain.output().contains("Client sent an HTTP request to an HTTPS server"), plain.output());
    }

    @Test
    @Order(3)
    void dockerJavaWithTheClientCertificateIsServed() throws IOException {
        String cliId = docker(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", pki.layout().clientDir().toString()),
                "info", "--format", "{{.ID}}").output().strip();
        // docker-java's own reading of DOCKER_CERT_PATH (LocalDirectorySSLConfig)
        try (DockerClient docker = dockerJava(pki.layout().clientDir())) {
            assertEquals(cliId, docker.infoCmd().exec().getId());
            docker.pingCmd().exec();
        }
        // the context ClientTls makes of the same folder, without a BouncyCastle provider
        try (DockerClient docker = dockerJava(config(null), () -> ClientTls.sslContext(pki.layout().clientDir()))) {
            assertEquals(cliId, docker.infoCmd().exec().getId());
        }
        // the platform's one factory, as the provisioner and the monitor connect
        try (DockerClient docker = DockerClientFactory.connect("tcp://" + ip + ":" + TLS_PORT, Timeouts.CONTROL,
                new TlsFiles(pki.layout().clientDir()))) {
            assertEquals(cliId, docker.infoCmd().exec().getId());
        }
    }

    @Test
    @Order(4)
    void dockerJavaWithoutTheClientCertificateOrWithAnotherClustersIsRefused() throws Exception {
        // trusts the cluster's CA, presents no certificate
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", PemFiles.readCertificate(pki.layout().clientCa()));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext trustOnly = SSLContext.getInstance("TLS");
        trustOnly.init(null, tmf.getTrustManagers(), null);
        int refusals = refusalsLogged();
        try (DockerClient docker = dockerJava(config(null), () -> trustOnly)) {
            // dockerd ends the handshake (Go's TLS 1.2 alert reaches the JDK as a reset or a bad_certificate)
            assertThrows(RuntimeException.class, () -> docker.infoCmd().exec());
        }
        awaitMoreRefusalsThan(refusals);
        refusals = refusalsLogged();
        try (DockerClient docker = dockerJava(foreignClient)) {
            assertThrows(RuntimeException.class, () -> docker.infoCmd().exec());
        }
        awaitMoreRefusalsThan(refusals);
    }

    @Test
    @Order(5)
    void afterRegeneratingWithANewCaOnlyTheNewClientCertificateGetsIn() throws Exception {
        Path oldClient = Files.createDirectories(work.resolve("old-client"));
        for (String file : List.of(PkiLayout.CA_CERT, PkiLayout.CLIENT_CERT, PkiLayout.CLIENT_KEY)) {
            Files.copy(pki.layout().clientDir().resolve(file), oldClient.resolve(file));
        }
        pki.regenerate(true, Map.of());
        // the new files are in the node at once (a folder mount sees the renames); dockerd reads them at start
        assertEquals(Files.readString(pki.layout().nodeCa(NODE)),
                Exec.ok("docker", "exec", CONTAINER, "cat", PkiLayout.NODE_MOUNT + "/" + PkiLayout.CA_CERT));
        Exec.ok("docker", "exec", CONTAINER, "sh", "-c", "kill $(cat /var/run/docker.pid)");
        Await.until("dockerd stopped", Duration.ofSeconds(30),
                () -> Exec.run("docker", "exec", CONTAINER, "test", "-e", "/var/run/docker.pid").exitCode() != 0);
        startDockerd();

        // the old set: the old CA does not trust the node's new certificate
        Exec old = docker(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", oldClient.toString()), "info");
        assertNotEquals(0, old.exitCode(), old.output());
        assertTrue(old.output().contains("x509: certificate signed by unknown authority"), old.output());
        // the old client certificate with the new CA (same subject, so the CLI sends it): dockerd refuses it
        Exec oldCertificate = docker(Map.of(), "--tlsverify", "--tlscacert", pki.layout().clientCa().toString(),
                "--tlscert", oldClient.resolve(PkiLayout.CLIENT_CERT).toString(),
                "--tlskey", oldClient.resolve(PkiLayout.CLIENT_KEY).toString(), "info");
        assertNotEquals(0, oldCertificate.exitCode(), oldCertificate.output());
        assertTrue(oldCertificate.output().contains("bad certificate"), oldCertificate.output());
        Await.until("dockerd names the old certificate's unknown authority", Duration.ofSeconds(10),
                () -> dockerdLog().lines().filter(l -> l.contains("handshake")).toList(),
                lines -> lines.stream().anyMatch(l -> l.contains("tls: failed to verify client certificate: "
                        + "x509: certificate signed by unknown authority")));
        try (DockerClient docker = dockerJava(pki.layout().clientDir())) {
            assertEquals(NODE, docker.infoCmd().exec().getName());
        }
    }

    private void startDockerd() {
        String tls = PkiLayout.NODE_MOUNT + "/";
        Exec.ok("docker", "exec", "-d", CONTAINER, "sh", "-c", "exec dockerd --tlsverify"
                + " --tlscacert " + tls + PkiLayout.CA_CERT + " --tlscert " + tls + PkiLayout.SERVER_CERT
                + " --tlskey " + tls + PkiLayout.SERVER_KEY
                + " -H unix:///var/run/docker.sock -H tcp://0.0.0.0:" + TLS_PORT + " >>/var/log/dockerd.log 2>&1");
        Await.until("dockerd answers over TLS", Duration.ofSeconds(60),
                () -> docker(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", pki.layout().clientDir().toString()),
                        "version", "--format", "{{.Server.Version}}"),
                exec -> exec.exitCode() == 0);
    }

    /** How many handshakes dockerd refused for want of a client certificate of its CA. */
    private int refusalsLogged() {
        return dockerdLog().split("tls: client didn't provide a certificate", -1).length - 1;
    }

    private void awaitMoreRefusalsThan(int before) {
        Await.until("dockerd logs one more refused handshake than " + before, Duration.ofSeconds(10),
                () -> dockerdLog().lines().filter(l -> l.contains("handshake")).toList(),
                lines -> lines.stream().filter(l -> l.contains("tls: client didn't provide a certificate")).count() > before);
    }

    private String dockerdLog() {
        return Exec.ok("docker", "exec", CONTAINER, "cat", "/var/log/dockerd.log");
    }

    /** The host's docker CLI against the node over TCP, with a config folder of its own and no DOCKER_* but {@code env}. */
    private Exec docker(Map<String, String> env, String... args) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("DOCKER_CONFIG", dockerConfig.toString());
        all.put("DOCKER_HOST", "tcp://" + ip + ":" + TLS_PORT);
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return Exec.run(command, all, null);
    }

    private DefaultDockerClientConfig config(Path certPath) {
        var builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("tcp://" + ip + ":" + TLS_PORT)
                .withDockerTlsVerify(certPath != null);
        if (certPath != null) {
            builder.withDockerCertPath(certPath.toString());
        }
        return builder.build();
    }

    private DockerClient dockerJava(Path certPath) {
        DefaultDockerClientConfig config = config(certPath);
        return dockerJava(config, config.getSSLConfig());
    }

    private static DockerClient dockerJava(DefaultDockerClientConfig config, SSLConfig ssl) {
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(config.getDockerHost().toString()))
                .sslConfig(ssl)
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(Duration.ofSeconds(15))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append(" | ");
        }
        return all.toString();
    }
}
