package io.coreswarm.pki;

import io.coreswarm.testsupport.Exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdProcess;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.grpc.netty.GrpcSslContexts;

/**
 * A real three-member etcd on loopback, configured as a node of a cluster would be with its
 * certificates from {@link ClusterPki}: clients over TLS with client-certificate auth, peers over
 * TLS with client-certificate auth (each member dials the others with its own server certificate,
 * which is why it carries clientAuth too). etcdctl, curl and jetcd get in with the client
 * certificate and are refused without it or with another cluster's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdTlsTest {
    @TempDir
    static Path work;

    private ClusterPki pki;
    private ClusterPki otherCluster;
    private final List<EtcdProcess> members = new ArrayList<>();

    @BeforeAll
    void startEtcdWithTls() {
        pki = ClusterPki.create(work.resolve("pki"), "etcdtls");
        otherCluster = ClusterPki.create(work.resolve("other-pki"), "other");
        for (int i = 1; i <= 3; i++) {
            members.add(EtcdProcess.prepare(String.format("core-%02d", i), work.resolve("etcd")));
        }
        String initialCluster = members.stream().map(m -> m.name() + "=" + https(m.peerUrl())).collect(Collectors.joining(","));
        for (EtcdProcess member : members) {
            String name = member.name();
            pki.issueNode(name, List.of());
            PkiLayout l = pki.layout();
            // later flags win: EtcdProcess's plain http URLs are overridden by https ones
            member.start(List.of(
                    "--listen-client-urls", https(member.clientUrl()), "--advertise-client-urls", https(member.clientUrl()),
                    "--listen-peer-urls", https(member.peerUrl()), "--initial-advertise-peer-urls", https(member.peerUrl()),
                    "--initial-cluster", initialCluster, "--initial-cluster-state", "new",
                    "--initial-cluster-token", "pki-test",
                    "--client-cert-auth", "--trusted-ca-file", l.nodeCa(name).toString(),
                    "--cert-file", l.serverCertificate(name).toString(), "--key-file", l.serverKey(name).toString(),
                    "--peer-client-cert-auth", "--peer-trusted-ca-file", l.nodeCa(name).toString(),
                    "--peer-cert-file", l.serverCertificate(name).toString(), "--peer-key-file", l.serverKey(name).toString()));
        }
        Await.until("the 3 members healthy over TLS", Duration.ofSeconds(60),
                () -> etcdctl(pki.layout().clientDir(), true, "endpoint", "health", "--cluster"),
                exec -> exec.exitCode() == 0 && exec.output().split("is healthy", -1).length == 4);
    }

    @AfterAll
    void stopEtcd() {
        members.forEach(EtcdProcess::close);
    }

    @Test
    void etcdctlWithTheClientCertificateIsServed() {
        Exec health = etcdctl(pki.layout().clientDir(), true, "endpoint", "health", "--cluster");
        assertEquals(0, health.exitCode(), health.output());
        Exec members = etcdctl(pki.layout().clientDir(), true, "member", "list");
        assertEquals(0, members.exitCode(), members.output());
        for (EtcdProcess m : this.members) {
            assertTrue(members.output().contains(https(m.peerUrl())), members.output());
            assertTrue(members.output().contains(https(m.clientUrl())), members.output());
        }
        Exec put = etcdctl(pki.layout().clientDir(), true, "put", "/coreswarm/pki", "yes");
        assertEquals("OK\n", put.output());
    }

    @Test
    void etcdctlWithoutTheClientCertificateOrWithAnotherClustersIsRefused() {
        long missing = logged("client didn't provide a certificate");
        Exec noCertificate = etcdctl(pki.layout().clientDir(), false, "endpoint", "health");
        assertNotEquals(0, noCertificate.exitCode(), noCertificate.output());
        assertTrue(noCertificate.output().contains("is unhealthy"), noCertificate.output());
        // etcdctl only sees its calls fail; the member says why
        Await.until("etcd's log names the missing certificate", Duration.ofSeconds(10),
                () -> logged("client didn't provide a certificate") > missing);

        // the other cluster's client certificate, trusting this cluster's CA for the server (etcdctl
        // sends it although the server's request names another CA: etcd's client picks its certificate itself)
        long unknown = logged("x509: certificate signed by unknown authority");
        Exec foreign = Exec.run(List.of("etcdctl", "--endpoints", https(members.get(0).clientUrl()),
                "--cacert", pki.layout().clientCa().toString(),
                "--cert", otherCluster.layout().clientCertificate().toString(),
                "--key", otherCluster.layout().clientKey().toString(),
                "--dial-timeout", "2s", "--command-timeout", "3s", "endpoint", "health"),
                java.util.Map.of("ETCDCTL_API", "3"), null);
        assertNotEquals(0, foreign.exitCode(), foreign.output());
        Await.until("etcd's log names the unknown authority", Duration.ofSeconds(10),
                () -> logged("x509: certificate signed by unknown authority") > unknown);

        Exec plain = Exec.run(List.of("etcdctl", "--endpoints", members.get(0).clientUrl(),
                "--dial-timeout", "2s", "--command-timeout", "3s", "endpoint", "health"), java.util.Map.of("ETCDCTL_API", "3"), null);
        assertNotEquals(0, plain.exitCode(), plain.output());
    }

    @Test
    void peersAcceptOnlyACertificateOfTheClustersCa() {
        String peer = https(members.get(0).peerUrl()) + "/members";
        String ca = pki.layout().caCertificate().toString();
        // another member's certificate: the peer port answers its member list
        String node = members.get(1).name();
        Exec asPeer = Exec.run("curl", "-sS", "--http1.1", "--max-time", "5", "--cacert", ca,
                "--cert", pki.layout().serverCertificate(node).toString(), "--key", pki.layout().serverKey(node).toString(), peer);
        assertEquals(0, asPeer.exitCode(), asPeer.output());
        assertTrue(asPeer.output().contains(https(members.get(2).peerUrl())), asPeer.output());

        Exec anonymous = Exec.run("curl", "-sS", "--http1.1", "--max-time", "5", "--cacert", ca, peer);
        assertNotEquals(0, anonymous.exitCode(), anonymous.output());
        assertTrue(anonymous.output().contains("alert bad certificate"), anonymous.output());
        Exec foreign = Exec.run("curl", "-sS", "--http1.1", "--max-time", "5", "--cacert", ca,
                "--cert", otherCluster.layout().clientCertificate().toString(),
                "--key", otherCluster.layout().clientKey().toString(), peer);
        assertNotEquals(0, foreign.exitCode(), foreign.output());
        assertTrue(foreign.output().contains("alert bad certificate"), foreign.output());
    }

    @Test
    void jetcdConnectsWithTheClientCertificateInPkcs8() throws Exception {
        PkiLayout l = pki.layout();
        try (Client client = Client.builder()
                .endpoints(members.stream().map(m -> https(m.clientUrl())).toArray(String[]::new))
                // GrpcSslContexts.forClient().trustManager(ca.pem).keyManager(cert.pem, key.pem)
                .sslContext(ClientTls.jetcd(l.clientDir()))
                .build()) {
            ByteSequence key = ByteSequence.from("/coreswarm/jetcd", StandardCharsets.UTF_8);
            client.getKVClient().put(key, ByteSequence.from("tls", StandardCharsets.UTF_8)).get(20, TimeUnit.SECONDS);
            var got = client.getKVClient().get(key).get(20, TimeUnit.SECONDS);
            assertEquals("tls", got.getKvs().get(0).getValue().toString(StandardCharsets.UTF_8));
            assertEquals(3, client.getClusterClient().listMember().get(20, TimeUnit.SECONDS).getMembers().size());
        }
    }

    @Test
    void jetcdWithoutTheClientCertificateOrWithAnotherClustersIsRefused() throws Exception {
        PkiLayout l = pki.layout();
        var noCertificate = GrpcSslContexts.forClient().trustManager(l.clientCa().toFile()).build();
        var foreign = GrpcSslContexts.forClient().trustManager(l.clientCa().toFile())
                .keyManager(otherCluster.layout().clientCertificate().toFile(), otherCluster.layout().clientKey().toFile()).build();
        for (var ssl : List.of(noCertificate, foreign)) {
            try (Client client = Client.builder().endpoints(https(members.get(0).clientUrl())).sslContext(ssl)
                    .retryMaxAttempts(1).retryMaxDuration(Duration.ofSeconds(3)).waitForReady(false).build()) {
                ByteSequence key = ByteSequence.from("/coreswarm/jetcd-refused", StandardCharsets.UTF_8);
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> client.getKVClient().get(key).get(15, TimeUnit.SECONDS));
                // the handshake fails: the server wants a certificate of its CA
                assertTrue(String.valueOf(refused.getCause()).contains("UNAVAILABLE: ssl exception"), String.valueOf(refused.getCause()));
            }
        }
    }

    /** How many lines of the first member's log (the one the refused calls went to) contain {@code text}. */
    private long logged(String text) {
        return members.get(0).output().lines().filter(l -> l.contains(text)).count();
    }

    private Exec etcdctl(Path clientDir, boolean withCertificate, String... args) {
        List<String> command = new ArrayList<>(List.of("etcdctl",
                "--endpoints", members.stream().map(m -> https(m.clientUrl())).collect(Collectors.joining(",")),
                "--dial-timeout", "2s", "--command-timeout", "3s"));
        command.addAll(List.of(args));
        // as a user would after eval "$(... env)": ETCDCTL_CACERT/CERT/KEY
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("ETCDCTL_API", "3",
                "ETCDCTL_CACERT", clientDir.resolve(PkiLayout.CA_CERT).toString()));
        if (withCertificate) {
            env.put("ETCDCTL_CERT", clientDir.resolve(PkiLayout.CLIENT_CERT).toString());
            env.put("ETCDCTL_KEY", clientDir.resolve(PkiLayout.CLIENT_KEY).toString());
        }
        return Exec.run(command, env, null);
    }

    private static String https(String url) {
        return url.replace("http://", "https://");
    }
}
