package io.coreswarm.provisioner.nodefiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.pki.ClusterPki;
import io.coreswarm.testsupport.Exec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real cluster PKI in a temporary folder; the result checked by Ignition's own validator and openssl. */
class IgnitionTlsFilesTest {

    /**
     * The shape of what config-service renders for a Flatcar node with TLS (Ignition 3.3.0, the TLS
     * files left out): a hostname file and a unit.
     */
    static final String RENDERED = "{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"files\":[{\"overwrite\":true,"
            + "\"path\":\"/etc/hostname\",\"contents\":{\"compression\":\"\",\"source\":\"data:,core-01%0A\"},\"mode\":420}]},"
            + "\"systemd\":{\"units\":[{\"enabled\":true,\"name\":\"docker.service\"}]}}\n";

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    ClusterPki pki;

    @BeforeEach
    void issue() {
        pki = ClusterPki.create(tmp.resolve("pki"), "demo");
        pki.issueNode("core-01", List.of("172.17.8.101"));
    }

    @Test
    void addsTheNodesThreeFilesWithTheirModesAfterWhatWasRendered() throws Exception {
        Path nodeDir = pki.layout().nodeDir("core-01");
        JsonNode ign = JSON.readTree(IgnitionTlsFiles.add(RENDERED, nodeDir));

        assertEquals("3.3.0", ign.path("ignition").path("version").asText());
        JsonNode files = ign.path("storage").path("files");
        assertEquals(List.of("/etc/hostname", "/etc/coreswarm/tls/ca.pem", "/etc/coreswarm/tls/server.pem",
                "/etc/coreswarm/tls/server-key.pem"), paths(files));
        assertEquals(JSON.readTree(RENDERED).path("storage").path("files").get(0), files.get(0));
        assertEquals(JSON.readTree(RENDERED).path("systemd"), ign.path("systemd"));

        assertFile(files.get(1), 0644, null, pki.layout().nodeCa("core-01"));
        assertFile(files.get(2), 0644, null, pki.layout().serverCertificate("core-01"));
        assertFile(files.get(3), 0600, "etcd", pki.layout().serverKey("core-01"));
    }

    /** What the node gets is a working set: the certificate verifies against the CA, the key is its key. */
    @Test
    void theFilesTheNodeGetsAreAMatchingSet() throws Exception {
        JsonNode files = JSON.readTree(IgnitionTlsFiles.add(RENDERED, pki.layout().nodeDir("core-01"))).path("storage").path("files");
        Path out = Files.createDirectories(tmp.resolve("node"));
        Files.write(out.resolve("ca.pem"), decode(files.get(1)));
        Files.write(out.resolve("server.pem"), decode(files.get(2)));
        Files.write(out.resolve("server-key.pem"), decode(files.get(3)));
        String verify = Exec.ok("openssl", "verify", "-purpose", "sslserver", "-CAfile", out.resolve("ca.pem").toString(),
                out.resolve("server.pem").toString());
        assertTrue(verify.contains(": OK"), verify);
        assertEquals(Exec.ok("openssl", "x509", "-noout", "-pubkey", "-in", out.resolve("server.pem").toString()),
                Exec.ok("openssl", "pkey", "-pubout", "-in", out.resolve("server-key.pem").toString()));
    }

    @Test
    void ignitionValidateAcceptsTheResult() throws Exception {
        Path file = tmp.resolve("core-01.ign");
        IgnitionTlsFiles.writeOwnerOnly(file, IgnitionTlsFiles.add(RENDERED, pki.layout().nodeDir("core-01")));
        Exec r = Exec.run("ignition-validate", file.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.output().strip(), "warnings: " + r.output());
    }

    /**
     * config-service's own rendering of a Flatcar node with TLS (flatcar-core-01.ign, rendered by
     * FlatcarRenderer for a 1-node cluster): with the files added, Ignition's validator accepts it.
     */
    @Test
    void configServicesFlatcarRenderingWithTheFilesAddedValidates() throws Exception {
        String rendered;
        try (var in = getClass().getResourceAsStream("flatcar-core-01.ign")) {
            rendered = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path file = tmp.resolve("core-01.ign");
        IgnitionTlsFiles.writeOwnerOnly(file, IgnitionTlsFiles.add(rendered, pki.layout().nodeDir("core-01")));
        Exec r = Exec.run("ignition-validate", file.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.output().strip(), "warnings: " + r.output());
        JsonNode files = JSON.readTree(Files.readString(file)).path("storage").path("files");
        assertEquals(List.of("/etc/hostname", "/etc/docker/daemon.json", "/etc/coreswarm/tls/ca.pem",
                "/etc/coreswarm/tls/server.pem", "/etc/coreswarm/tls/server-key.pem"), paths(files));
    }

    @Test
    void theConfigIsWrittenOwnerOnly() throws Exception {
        Path file = tmp.resolve("core-01.ign");
        String ign = IgnitionTlsFiles.add(RENDERED, pki.layout().nodeDir("core-01"));
        IgnitionTlsFiles.writeOwnerOnly(file, ign);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(ign, Files.readString(file));
        // rewriting an existing, wider file leaves it 0600 too
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IgnitionTlsFiles.writeOwnerOnly(file, ign);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /** After regenerate-certs the files are added again: one entry per path, with the new contents. */
    @Test
    void addingAgainReplacesTheEntries() throws Exception {
        Path nodeDir = pki.layout().nodeDir("core-01");
        String once = IgnitionTlsFiles.add(RENDERED, nodeDir);
        pki.regenerate(false, java.util.Map.of());
        JsonNode twice = JSON.readTree(IgnitionTlsFiles.add(once, nodeDir));
        JsonNode files = twice.path("storage").path("files");
        assertEquals(4, files.size(), paths(files).toString());
        assertArrayEquals(Files.readAllBytes(pki.layout().serverKey("core-01")), decode(files.get(3)));
        assertFalse(JSON.readTree(once).path("storage").path("files").get(3).equals(files.get(3)), "the key was renewed");
    }

    @Test
    void anIgnitionWithoutStorageGetsOne() throws Exception {
        JsonNode ign = JSON.readTree(IgnitionTlsFiles.add("{\"ignition\":{\"version\":\"3.3.0\"}}", pki.layout().nodeDir("core-01")));
        assertEquals(3, ign.path("storage").path("files").size());
    }

    @Test
    void aNodeWithoutCertificateOrABadConfigIsRefusedWithoutKeyMaterial() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> IgnitionTlsFiles.add(RENDERED, pki.layout().nodeDir("core-02")));
        assertTrue(missing.getMessage().contains("no TLS file ca.pem"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IgnitionTlsFiles.add("[]", pki.layout().nodeDir("core-01")));
        assertThrows(IllegalArgumentException.class, () -> IgnitionTlsFiles.add("{\"storage\":{\"files\":{}}}",
                pki.layout().nodeDir("core-01")));
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> IgnitionTlsFiles.add("{", pki.layout().nodeDir("core-01")));
        assertFalse(notJson.getMessage().contains("PRIVATE KEY"));
    }

    static void assertFile(JsonNode file, int mode, String owner, Path source) throws Exception {
        String path = file.path("path").asText();
        assertEquals(mode, file.path("mode").asInt(), path);
        assertTrue(file.path("overwrite").asBoolean(), path);
        assertEquals(owner == null ? "" : owner, file.path("user").path("name").asText(), path);
        assertEquals("", file.path("contents").path("compression").asText(), path);
        assertArrayEquals(Files.readAllBytes(source), decode(file), path);
    }

    static byte[] decode(JsonNode file) {
        String source = file.path("contents").path("source").asText();
        assertTrue(source.startsWith("data:;base64,"), source.substring(0, Math.min(20, source.length())));
        return Base64.getDecoder().decode(source.substring("data:;base64,".length()));
    }

    static List<String> paths(JsonNode files) {
        List<String> paths = new ArrayList<>();
        files.forEach(f -> paths.add(f.path("path").asText()));
        return paths;
    }
}
