package io.coreswarm.pki;

import io.coreswarm.testsupport.Exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a cluster's PKI writes, judged by OpenSSL and by the file system. */
class ClusterPkiTest {
    @TempDir
    Path tmp;

    @Test
    void createWritesTheLayoutWithPrivateKeysOwnerOnly() throws IOException {
        ClusterPki pki = ClusterPki.create(tmp.resolve("pki"), "demo");
        pki.issueNode("core-01", List.of("172.29.1.101"));
        PkiLayout l = pki.layout();

        for (Path key : List.of(l.caKey(), l.clientKey(), l.serverKey("core-01"))) {
            assertEquals("rw-------", mode(key), key.toString());
            assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----\n"), "PKCS#8 PEM: " + key);
        }
        for (Path cert : List.of(l.caCertificate(), l.clientCa(), l.clientCertificate(), l.nodeCa("core-01"),
                l.serverCertificate("core-01"))) {
            assertEquals("rw-r--r--", mode(cert), cert.toString());
        }
        for (Path dir : List.of(l.root(), l.caDir(), l.clientDir(), l.nodesDir(), l.nodeDir("core-01"))) {
            assertEquals("rwx------", mode(dir), dir.toString());
        }
        try (Stream<Path> all = Files.walk(l.root())) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().endsWith(".next")).toList(), "no temporary files left");
        }
        assertEquals(List.of("core-01"), pki.nodes());
        assertEquals(List.of(), pki.check());
    }

    @Test
    void opensslVerifiesServerAndClientCertificatesAgainstTheCa() {
        ClusterPki pki = ClusterPki.create(tmp.resolve("pki"), "demo");
        pki.issueNode("core-01", List.of("172.29.1.101"));
        PkiLayout l = pki.layout();
        String ca = l.caCertificate().toString();
        String server = l.serverCertificate("core-01").toString();
        String client = l.clientCertificate().toString();

        assertEquals(server + ": OK\n", Exec.ok("openssl", "verify", "-CAfile", ca, server));
        assertEquals(client + ": OK\n", Exec.ok("openssl", "verify", "-CAfile", ca, client));
        // the node's certificate serves and, for etcd peers, dials; the client's only dials
        Exec.ok("openssl", "verify", "-CAfile", ca, "-purpose", "sslserver", server);
        Exec.ok("openssl", "verify", "-CAfile", ca, "-purpose", "sslclient", server);
        Exec.ok("openssl", "verify", "-CAfile", ca, "-purpose", "sslclient", client);
        assertNotEquals(0, Exec.run("openssl", "verify", "-CAfile", ca, "-purpose", "sslserver", client).exitCode());
        // the copies of the CA are the CA
        Exec.ok("openssl", "verify", "-CAfile", l.nodeCa("core-01").toString(), server);
        Exec.ok("openssl", "verify", "-CAfile", l.clientCa().toString(), client);
        // each key is its certificate's
        for (Path[] pair : new Path[][] {{l.serverCertificate("core-01"), l.serverKey("core-01")},
                {l.clientCertificate(), l.clientKey()}, {l.caCertificate(), l.caKey()}}) {
            assertEquals(Exec.ok("openssl", "x509", "-in", pair[0].toString(), "-noout", "-pubkey"),
                    Exec.ok("openssl", "pkey", "-in", pair[1].toString(), "-pubout"), pair[1].toString());
        }
    }

    @Test
    void opensslShowsTheNamesUsagesAndAlgorithm() {
        ClusterPki pki = ClusterPki.create(tmp.resolve("pki"), "demo");
        pki.issueNode("core-01", List.of("172.29.1.101", "demo-core-01"));
        PkiLayout l = pki.layout();

        String server = Exec.ok("openssl", "x509", "-in", l.serverCertificate("core-01").toString(), "-noout", "-text");
        assertTrue(server.contains("DNS:core-01, IP Address:172.29.1.101, DNS:demo-core-01, DNS:localhost, "
                + "IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1"), server);
        assertTrue(server.contains("TLS Web Server Authentication, TLS Web Client Authentication"), server);
        assertTrue(server.contains("Subject: O = coreswarm, OU = demo, CN = core-01"), server);
        assertTrue(server.contains("Issuer: O = coreswarm, OU = demo, CN = coreswarm demo CA"), server);
        assertTrue(server.contains("ASN1 OID: prime256v1"), server);
        assertTrue(server.contains("Signature Algorithm: ecdsa-with-SHA256"), server);
        assertTrue(server.contains("CA:FALSE"), server);

        String client = Exec.ok("openssl", "x509", "-in", l.clientCertificate().toString(), "-noout", "-text");
        assertTrue(client.contains("TLS Web Client Authentication"), client);
        assertFalse(client.contains("TLS Web Server Authentication"), client);
        assertFalse(client.contains("Subject Alternative Name"), client);
        assertTrue(client.contains("CN = coreswarm-client"), client);

        String ca = Exec.ok("openssl", "x509", "-in", l.caCertificate().toString(), "-noout", "-text");
        assertTrue(ca.contains("CA:TRUE, pathlen:0"), ca);
        assertTrue(ca.contains("Certificate Sign, CRL Sign"), ca);
    }

    @Test
    void certificatesLastDockerMachines1080DaysAndNoLeafOutlivesTheCa() {
        ClusterPki pki = ClusterPki.create(tmp.resolve("pki"), "demo");
        X509Certificate ca = pki.caCertificate();
        X509Certificate node = pki.issueNode("core-01", List.of()).certificate();
        assertEquals(Duration.ofDays(1080), Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant()));
        assertTrue(ca.getNotBefore().toInstant().isBefore(java.time.Instant.now().minusSeconds(240)), "backdated for clock skew");
        assertFalse(node.getNotAfter().after(ca.getNotAfter()));
    }

    @Test
    void aLoadedCaIssuesTheNodesOfAScaleUp() {
        Path root = tmp.resolve("pki");
        ClusterPki created = ClusterPki.create(root, "demo");
        created.issueNode("core-01", List.of("172.29.1.101"));

        ClusterPki loaded = ClusterPki.load(root);
        assertEquals(created.caCertificate(), loaded.caCertificate());
        assertEquals("demo", loaded.cluster());
        loaded.issueNode("core-02", List.of("172.29.1.102"));
        String ca = root.resolve("ca/ca.pem").toString();
        Exec.ok("openssl", "verify", "-CAfile", ca, loaded.layout().serverCertificate("core-02").toString());
        assertEquals(List.of("core-01", "core-02"), loaded.nodes());
        assertEquals(List.of(), loaded.check());

        loaded.removeNode("core-02");
        assertFalse(Files.exists(loaded.layout().nodeDir("core-02")));
        assertEquals(List.of("core-01"), loaded.nodes());
        assertEquals(created.caCertificate(), ClusterPki.loadOrCreate(root, "demo").caCertificate());
        assertThrows(PkiException.class, () -> ClusterPki.loadOrCreate(root, "other"));
        assertThrows(PkiException.class, () -> ClusterPki.create(root, "demo"), "a second CA over the first");
    }

    @Test
    void regenerateRenewsNodeCertificatesKeepingOrChangingTheirNames() {
        Path root = tmp.resolve("pki");
        ClusterPki pki = ClusterPki.create(root, "demo");
        X509Certificate first1 = pki.issueNode("core-01", List.of("172.29.1.101")).certificate();
        X509Certificate first2 = pki.issueNode("core-02", List.of("172.29.1.102")).certificate();
        String clientBefore = read(pki.layout().clientCertificate());

        // core-02's address changed (docker-machine #531): its names are given, core-01 keeps its own
        pki.regenerate(false, Map.of("core-02", List.of("172.29.1.202")));

        X509Certificate second1 = PemFiles.readCertificate(pki.layout().serverCertificate("core-01"));
        X509Certificate second2 = PemFiles.readCertificate(pki.layout().serverCertificate("core-02"));
        assertNotEquals(first1.getSerialNumber(), second1.getSerialNumber());
        assertNotEquals(first1.getPublicKey(), second1.getPublicKey(), "a new key");
        assertEquals(Certificates.subjectAlternativeNames(first1), Certificates.subjectAlternativeNames(second1));
        assertTrue(pki.hosts("core-02").contains("172.29.1.202"));
        assertFalse(pki.hosts("core-02").contains("172.29.1.102"));
        assertNotEquals(first2.getSerialNumber(), second2.getSerialNumber());
        assertEquals(clientBefore, read(pki.layout().clientCertificate()), "the client certificate stays");
        assertEquals(List.of(), pki.check());
    }

    @Test
    void regenerateWithANewCaReissuesEverythingAndTheOldCertificatesStopVerifying() throws IOException {
        Path root = tmp.resolve("pki");
        ClusterPki pki = ClusterPki.create(root, "demo");
        pki.issueNode("core-01", List.of("172.29.1.101"));
        Path old = Files.createDirectories(tmp.resolve("old"));
        Files.copy(pki.layout().serverCertificate("core-01"), old.resolve("server.pem"));
        Files.copy(pki.layout().clientCertificate(), old.resolve("cert.pem"));
        X509Certificate oldCa = pki.caCertificate();

        pki.regenerate(true, Map.of());

        assertNotEquals(oldCa, pki.caCertificate());
        assertEquals(pki.caCertificate(), ClusterPki.load(root).caCertificate(), "the new CA is on disk");
        String ca = pki.layout().caCertificate().toString();
        Exec.ok("openssl", "verify", "-CAfile", ca, pki.layout().serverCertificate("core-01").toString());
        Exec.ok("openssl", "verify", "-CAfile", ca, pki.layout().clientCertificate().toString());
        Exec.ok("openssl", "verify", "-CAfile", pki.layout().clientCa().toString(), pki.layout().clientCertificate().toString());
        assertNotEquals(0, Exec.run("openssl", "verify", "-CAfile", ca, old.resolve("server.pem").toString()).exitCode());
        assertNotEquals(0, Exec.run("openssl", "verify", "-CAfile", ca, old.resolve("cert.pem").toString()).exitCode());
        assertEquals(List.of("172.29.1.101"), pki.hosts("core-01").stream().filter(h -> h.startsWith("172.")).toList());
        assertEquals(List.of(), pki.check());
    }

    @Test
    void rsa2048AsDockerMachineMakesThem() {
        ClusterPki pki = ClusterPki.create(tmp.resolve("pki"), "demo", KeyType.RSA_2048, java.time.Clock.systemUTC());
        pki.issueNode("core-01", List.of("172.29.1.101"));
        PkiLayout l = pki.layout();
        Exec.ok("openssl", "verify", "-CAfile", l.caCertificate().toString(), l.serverCertificate("core-01").toString());
        String text = Exec.ok("openssl", "x509", "-in", l.serverCertificate("core-01").toString(), "-noout", "-text");
        assertTrue(text.contains("Public-Key: (2048 bit)"), text);
        assertTrue(text.contains("sha256WithRSAEncryption"), text);
        assertEquals(KeyType.RSA_2048, ClusterPki.load(l.root()).keyType(), "a loaded CA issues keys of its own type");
    }

    @Test
    void docker_machineKeysInPkcs1AreRead() {
        // a CA made by openssl the way docker-machine writes its keys (BEGIN RSA PRIVATE KEY) loads and issues
        Path root = tmp.resolve("pki");
        ClusterPki.create(root, "demo");
        Path pkcs1 = tmp.resolve("rsa.pem");
        Exec.ok("openssl", "genrsa", "-traditional", "-out", pkcs1.toString(), "2048");
        assertTrue(read(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertEquals("RSA", PemFiles.readPrivateKey(pkcs1).getAlgorithm());
        Path sec1 = tmp.resolve("ec.pem");
        Exec.ok("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", sec1.toString());
        assertEquals("EC", PemFiles.readPrivateKey(sec1).getAlgorithm());
    }

    @Test
    void keyMaterialIsInNoStringAndNoMessage() throws IOException {
        ClusterPki pki = ClusterPki.create(tmp.resolve("pki"), "demo");
        IssuedCertificate node = pki.issueNode("core-01", List.of("172.29.1.101"));
        CertificateAuthority ca = CertificateAuthority.of(pki.caCertificate(),
                PemFiles.readPrivateKey(pki.layout().caKey()), java.time.Clock.systemUTC());
        String encodedKey = Base64.getEncoder().encodeToString(node.privateKey().getEncoded());
        String caKey = Base64.getEncoder().encodeToString(ca.privateKey().getEncoded());
        for (String text : List.of(pki.toString(), node.toString(), ca.toString())) {
            assertFalse(text.contains(encodedKey.substring(40, 80)), text);
            assertFalse(text.contains(caKey.substring(40, 80)), text);
            assertFalse(text.contains("PRIVATE"), text);
        }
        assertTrue(node.toString().contains("CN=core-01"), node.toString());

        // a damaged key: the message names the file, keeps no cause, quotes nothing of it
        Path damaged = pki.layout().clientKey();
        String content = read(damaged);
        String broken = content.replace(content.substring(40, 60), "!!!!" + content.substring(44, 60));
        Files.writeString(damaged, broken);
        PkiException e = assertThrows(PkiException.class, () -> PemFiles.readPrivateKey(damaged));
        assertTrue(e.getMessage().contains(damaged.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(content.substring(60, 90)), e.getMessage());
        assertNull(e.getCause());
        assertTrue(pki.check().stream().anyMatch(p -> p.contains(damaged.toString())), pki.check().toString());
    }

    @Test
    void namesThatAreNoDnsLabelsOrAddressesAreRefused() {
        ClusterPki pki = ClusterPki.create(tmp.resolve("pki"), "demo");
        for (String machine : List.of("../ca", "core_01", "Core-01", "", "core-01/x", "-core")) {
            assertThrows(PkiException.class, () -> pki.issueNode(machine, List.of()), machine);
        }
        for (String host : List.of("a b", "host:2376", "*.example", "172.29.1.1/24", "")) {
            assertThrows(PkiException.class, () -> pki.issueNode("core-01", List.of(host)), host);
        }
        assertThrows(PkiException.class, () -> ClusterPki.create(tmp.resolve("x"), "Bad_Name"));
        assertFalse(Files.exists(pki.layout().nodeDir("core-01")), "a refused issue writes nothing");
    }

    @Test
    void aKeyRewrittenOverAWorldReadableFileEndsOwnerOnly() throws IOException {
        ClusterPki pki = ClusterPki.create(tmp.resolve("pki"), "demo");
        pki.issueNode("core-01", List.of());
        Path key = pki.layout().serverKey("core-01");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        pki.issueNode("core-01", List.of());
        assertEquals("rw-------", mode(key), "a new file renamed over the old, not the old rewritten");
    }

    @Test
    void loadingFinishesAPairReplacementThatHadBegunAndUndoesOneThatHadNot() throws IOException {
        Path root = tmp.resolve("pki");
        ClusterPki pki = ClusterPki.create(root, "demo");
        X509Certificate old1 = pki.issueNode("core-01", List.of("10.0.0.1")).certificate();
        X509Certificate old2 = pki.issueNode("core-02", List.of("10.0.0.2")).certificate();
        PkiLayout l = pki.layout();
        CertificateAuthority ca = CertificateAuthority.of(pki.caCertificate(), PemFiles.readPrivateKey(l.caKey()),
                java.time.Clock.systemUTC());
        Path leftover = l.nodeDir("core-01").resolve(".server-key.pem.0123456789abcdef.tmp");
        Files.writeString(leftover, "half a key");

        // core-01: a crash between the renames (the new key in place, its certificate still beside)
        IssuedCertificate new1 = ca.issueServer("core-01", List.of("10.0.0.11"), KeyType.EC_P256);
        PemFiles.writePrivateKey(l.serverKey("core-01"), new1.privateKey());
        PemFiles.writeCertificates(next(l.serverCertificate("core-01")), new1.certificate());
        // core-02: a crash before the renames (both new files beside, the old pair in place)
        IssuedCertificate new2 = ca.issueServer("core-02", List.of("10.0.0.12"), KeyType.EC_P256);
        PemFiles.writePrivateKey(next(l.serverKey("core-02")), new2.privateKey());
        PemFiles.writeCertificates(next(l.serverCertificate("core-02")), new2.certificate());
        assertFalse(pki.check().isEmpty(), "core-01's pair does not match before recovery");

        ClusterPki loaded = ClusterPki.load(root);
        assertFalse(Files.exists(leftover), "swept at load");
        assertEquals(new1.certificate(), PemFiles.readCertificate(l.serverCertificate("core-01")), "finished");
        assertEquals(old2, PemFiles.readCertificate(l.serverCertificate("core-02")), "undone");
        assertNotEquals(old1, new1.certificate());
        assertFalse(Files.exists(next(l.serverCertificate("core-01"))));
        assertFalse(Files.exists(next(l.serverKey("core-02"))));
        assertFalse(Files.exists(next(l.serverCertificate("core-02"))));
        assertEquals(List.of(), loaded.check());
    }

    @Test
    void aRegenerationWithANewCaInterruptedAfterTheCaIsFinishedByLoadAndRegenerate() throws IOException {
        Path root = tmp.resolve("pki");
        ClusterPki pki = ClusterPki.create(root, "demo");
        pki.issueNode("core-01", List.of("10.0.0.1"));
        PkiLayout l = pki.layout();
        // the new CA's key renamed into place, the crash before its certificate's rename
        CertificateAuthority newCa = CertificateAuthority.generate("demo", KeyType.EC_P256, java.time.Clock.systemUTC());
        PemFiles.writePrivateKey(l.caKey(), newCa.privateKey());
        PemFiles.writeCertificates(next(l.caCertificate()), newCa.certificate());

        ClusterPki loaded = ClusterPki.load(root);
        assertEquals(newCa.certificate(), loaded.caCertificate());
        assertEquals(2, loaded.check().stream().filter(p -> p.contains("not issued by this cluster's CA")).count(), loaded.check().toString());
        loaded.regenerate(false, Map.of());
        assertEquals(List.of(), loaded.check(), "client and nodes issued again by the CA on disk");
    }

    @Test
    void damageByHandIsReportedAndACaKeyOfAnotherIsRefused() throws IOException {
        Path root = tmp.resolve("pki");
        ClusterPki pki = ClusterPki.create(root, "demo");
        pki.issueNode("core-01", List.of());
        pki.issueNode("core-02", List.of());
        Files.copy(pki.layout().serverKey("core-02"), pki.layout().serverKey("core-01"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of(pki.layout().serverKey("core-01") + ": not the key of " + pki.layout().serverCertificate("core-01")),
                pki.check());
        pki.issueNode("core-01", pki.hosts("core-01"));
        assertEquals(List.of(), pki.check(), "issuing again repairs it");

        // the CA's key replaced by another: load refuses rather than issue certificates nobody trusts
        Files.copy(pki.layout().serverKey("core-02"), pki.layout().caKey(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PkiException e = assertThrows(PkiException.class, () -> ClusterPki.load(root));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
    }

    private static Path next(Path file) {
        return file.resolveSibling(file.getFileName() + ".next");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
