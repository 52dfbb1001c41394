package io.coreswarm.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.coreswarm.testsupport.Exec;

/**
 * Client files given as text (a monitor target's {@code tls}): parsed without touching the disk,
 * in every key form openssl writes; checked to belong together; and refused with messages that
 * name the field, never quote the text.
 */
class PemTextTest {
    @TempDir
    Path work;

    @Test
    void textParsesInEveryKeyFormAndTheChecksTellWhatBelongsTogether() throws Exception {
        ClusterPki pki = ClusterPki.create(work.resolve("pki"), "lab");
        ClusterPki other = ClusterPki.create(work.resolve("other"), "other");
        ClusterPki rsa = ClusterPki.create(work.resolve("rsa"), "rsa", KeyType.RSA_2048, java.time.Clock.systemUTC());
        PkiLayout l = pki.layout();
        X509Certificate ca = PemFiles.parseCertificate(Files.readString(l.clientCa()), "tls.ca");
        X509Certificate cert = PemFiles.parseCertificate(Files.readString(l.clientCertificate()), "tls.cert");
        PrivateKey key = PemFiles.parsePrivateKey(Files.readString(l.clientKey()), "tls.key");
        assertEquals(PemFiles.readCertificate(l.clientCertificate()), cert);
        assertTrue(ClientTls.issuedBy(cert, ca));
        assertTrue(ClientTls.keyMatches(key, cert));

        // SEC 1 (openssl ec) and PKCS#1 (openssl rsa -traditional) read as the same keys
        String sec1 = Exec.ok("openssl", "ec", "-in", l.clientKey().toString());
        assertTrue(sec1.contains("BEGIN EC PRIVATE KEY"), sec1);
        assertTrue(ClientTls.keyMatches(PemFiles.parsePrivateKey(sec1, "tls.key"), cert));
        String pkcs1 = Exec.ok("openssl", "rsa", "-traditional", "-in", rsa.layout().clientKey().toString());
        assertTrue(pkcs1.contains("BEGIN RSA PRIVATE KEY"), pkcs1);
        assertTrue(ClientTls.keyMatches(PemFiles.parsePrivateKey(pkcs1, "tls.key"),
                PemFiles.readCertificate(rsa.layout().clientCertificate())));

        X509Certificate otherCert = PemFiles.readCertificate(other.layout().clientCertificate());
        PrivateKey otherKey = PemFiles.readPrivateKey(other.layout().clientKey());
        assertFalse(ClientTls.issuedBy(otherCert, ca), "another cluster's certificate");
        assertFalse(ClientTls.keyMatches(otherKey, cert), "another key");
        assertFalse(ClientTls.keyMatches(PemFiles.readPrivateKey(rsa.layout().clientKey()), cert), "an RSA key for an EC certificate");
    }

    @Test
    void refusalsNameTheFieldAndNeverQuoteTheText() throws Exception {
        ClusterPki pki = ClusterPki.create(work.resolve("pki"), "lab");
        String key = Files.readString(pki.layout().clientKey());
        String cert = Files.readString(pki.layout().clientCertificate());
        String keyLine = key.lines().skip(1).findFirst().orElseThrow();
        String certLine = cert.lines().skip(1).findFirst().orElseThrow();
        List<String> badKeys = List.of(key.replace(keyLine, "A".repeat(keyLine.length())), cert, "", "not pem " + keyLine);
        for (String bad : badKeys) {
            PkiException e = assertThrows(PkiException.class, () -> PemFiles.parsePrivateKey(bad, "tls.key"));
            assertTrue(e.getMessage().contains("tls.key"), e.getMessage());
            assertFalse(e.getMessage().contains(keyLine) || e.getMessage().contains(certLine), e.getMessage());
            assertEquals(null, e.getCause(), "no parser message travels with it");
        }
        for (String bad : List.of(cert.replace(certLine, "A".repeat(certLine.length())), key, "")) {
            PkiException e = assertThrows(PkiException.class, () -> PemFiles.parseCertificate(bad, "tls.cert"));
            assertTrue(e.getMessage().contains("tls.cert"), e.getMessage());
            assertFalse(e.getMessage().contains(keyLine) || e.getMessage().contains(certLine), e.getMessage());
        }
    }
}
