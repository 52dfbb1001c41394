package io.coreswarm.provisioner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.pki.ClusterPki;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.pki.PkiLayout;

/** The pieces of the TLS wiring that need no cluster: one node path, the tar of /certs, env's shells, what the monitor is told. */
class TlsWiringTest {

    @Test
    void theNodesTlsPathHasOneValueOnBothSides() {
        // config-service renders NodeLayout's; the pki module (no api-contracts) names its own
        assertEquals(PkiLayout.NODE_MOUNT, NodeLayout.TLS_MOUNT);
    }

    @Test
    void aFlatcarNodesIgnitionGetsItsTlsFilesAndBecomesOwnerOnly(@TempDir Path dir) throws Exception {
        Path machines = Files.createDirectories(dir.resolve("machines"));
        Path ignition = Files.createDirectories(machines.resolve("flatcar")).resolve("core-01.ign");
        // config-service's rendering of a flatcar TLS node: the files are named in the Butane config, absent here
        try (var in = io.coreswarm.provisioner.nodefiles.IgnitionTlsFiles.class.getResourceAsStream("flatcar-core-01.ign")) {
            Files.write(ignition, in.readAllBytes());
        }
        Files.setPosixFilePermissions(ignition, PosixFilePermissions.fromString("rw-r--r--"));
        java.util.regex.Pattern tlsFile = java.util.regex.Pattern.compile("\"path\"\\s*:\\s*\"" + NodeLayout.TLS_MOUNT + "/");
        assertEquals(0, tlsFile.matcher(Files.readString(ignition)).results().count(), "rendered without the TLS files");
        ClusterPki pki = ClusterPki.create(dir.resolve("pki"), "fc");
        pki.issueNode("core-01", List.of("172.17.8.101"));

        ClusterCertificates.addToIgnition(machines, pki.layout(), "core-01");

        String withFiles = Files.readString(ignition);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ignition)));
        assertEquals(3, tlsFile.matcher(withFiles).results().count(), "ca.pem, server.pem and server-key.pem as files");
        // the real validator takes it
        Process p = new ProcessBuilder("ignition-validate", ignition.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
    }

    @Test
    void theCertsTarUnpacksWithTheRealTarToTheFilesAndTheirModes(@TempDir Path dir) throws Exception {
        byte[] tar = new TarFiles().add("ca.pem", "ca\n".getBytes(StandardCharsets.US_ASCII), 0644)
                .add("cert.pem", "c".repeat(700).getBytes(StandardCharsets.US_ASCII), 0644)
                .add("key.pem", "k\n".getBytes(StandardCharsets.US_ASCII), 0600).finish();
        assertEquals(0, tar.length % 512);
        Path archive = Files.write(dir.resolve("certs.tar"), tar);
        Path out = Files.createDirectories(dir.resolve("out"));
        Process p = new ProcessBuilder("tar", "-xpf", archive.toString(), "-C", out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
        assertEquals("", said, "tar has no complaint (checksum, format)");
        assertEquals("ca\n", Files.readString(out.resolve("ca.pem")));
        assertEquals(700, Files.size(out.resolve("cert.pem")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("ca.pem"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("key.pem"))));
        try (var files = Files.list(out)) {
            assertEquals(3, files.count());
        }
    }

    @Test
    void eachShellSetsUnsetsAndQuotesItsOwnWay() throws Exception {
        String hostile = "/home/a b/\"$(id)\"`id`\\x";
        assertEquals("export DOCKER_CERT_PATH=\"/home/a b/\\\"\\$(id)\\\"\\`id\\`\\\\x\"", EnvShell.BASH.set("DOCKER_CERT_PATH", hostile));
        assertEquals("set -gx DOCKER_TLS_VERIFY \"1\";", EnvShell.FISH.set("DOCKER_TLS_VERIFY", "1"));
        assertEquals("$Env:DOCKER_HOST = \"tcp://172.29.1.101:2376\"", EnvShell.POWERSHELL.set("DOCKER_HOST", "tcp://172.29.1.101:2376"));
        assertEquals("$Env:X = \"a`\"b`$c``\"", EnvShell.POWERSHELL.set("X", "a\"b$c`"));
        assertEquals("set -e DOCKER_HOST;", EnvShell.FISH.unset("DOCKER_HOST"));
        assertEquals("unset DOCKER_HOST", EnvShell.ZSH.unset("DOCKER_HOST"));
        assertEquals("Remove-Item Env:\\DOCKER_HOST -ErrorAction SilentlyContinue", EnvShell.POWERSHELL.unset("DOCKER_HOST"));
        assertEquals(EnvShell.BASH, EnvShell.of(null));
        // bash reads the quoted value back as it was
        Process p = new ProcessBuilder("bash", "-c", EnvShell.BASH.set("V", hostile) + "; printf %s \"$V\"").start();
        assertEquals(hostile, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(List.of("DOCKER_TLS_VERIFY", "DOCKER_HOST", "DOCKER_CERT_PATH"), ClusterResource.ENV_NAMES.subList(0, 3));
    }

    @Test
    void monitorServiceIsToldTheTlsEndpointsAndTheClientFilesAndAnOpenClusterPlainOnes(@TempDir Path dir) throws Exception {
        List<NodeAddress> nodes = List.of(new NodeAddress("core-01", "172.29.1.101"), new NodeAddress("core-02", "172.29.1.102"));
        ClusterSpec spec = new ClusterSpec("c", 2, null, null, null, null, null, null, 1, null);
        ClusterRecord tls = new ClusterRecord(spec, null, null, nodes, ClusterPhase.RUNNING, List.of(), Instant.now(), null, null, null,
                dir.resolve("pki").toString());
        ClusterPki pki = ClusterPki.loadOrCreate(tls.pkiLayout().root(), "c");
        MonitorTarget target = MonitorRegistration.target(tls);
        assertEquals(List.of("tcp://172.29.1.101:2376", "tcp://172.29.1.102:2376"), target.dockerEndpoints());
        assertEquals(List.of("https://172.29.1.101:2379", "https://172.29.1.102:2379"), target.etcdEndpoints());
        assertEquals(Files.readString(pki.layout().clientCa()), target.tls().ca());
        assertEquals(Files.readString(pki.layout().clientCertificate()), target.tls().cert());
        assertEquals(Files.readString(pki.layout().clientKey()), target.tls().key());
        assertFalse(target.toString().contains("PRIVATE KEY"), target.toString());
        assertEquals(new io.coreswarm.docker.TlsFiles(pki.layout().clientDir()), tls.clientTls());
        assertEquals("https://172.29.1.102:2380", tls.etcdPeerUrl(nodes.get(1)));

        ClusterRecord open = new ClusterRecord(spec.withTls(false), null, null, nodes, ClusterPhase.RUNNING, List.of(), Instant.now(), null,
                null, null, null);
        MonitorTarget plain = MonitorRegistration.target(open);
        assertEquals(List.of("tcp://172.29.1.101:2375", "tcp://172.29.1.102:2375"), plain.dockerEndpoints());
        assertEquals(List.of("http://172.29.1.101:2379", "http://172.29.1.102:2379"), plain.etcdEndpoints());
        assertNull(plain.tls());
        assertNull(open.clientTls());
        assertEquals("False", ClusterResource.secure(open).status());
        assertEquals("TlsDisabled", ClusterResource.secure(open).reason());
        assertEquals("TlsVerified", ClusterResource.secure(tls).reason());
    }
}
