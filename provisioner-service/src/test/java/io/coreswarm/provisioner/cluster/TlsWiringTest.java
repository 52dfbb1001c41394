package io.coreswarm.provisioner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.pki.PkiLayout;

/** The pieces of the TLS wiring that need no cluster: one node path, the tar of /certs, env's shells. */
class TlsWiringTest {

    @Test
    void theNodesTlsPathHasOneValueOnBothSides() {
        // config-service renders NodeLayout's; the pki module (no api-contracts) names its own
        assertEquals(PkiLayout.NODE_MOUNT, NodeLayout.TLS_MOUNT);
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
}
