package io.coreswarm.monitor.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.api.health.TargetTls;
import io.coreswarm.monitor.support.TlsEtcd;
import io.coreswarm.pki.ClusterPki;
import io.coreswarm.testsupport.Exec;

/**
 * A target's TLS files on disk: where they are, their modes, the key never in the JSON, read
 * back by a new store, replaced, dropped and removed with the target, and what a crash may leave.
 */
class TargetTlsFilesTest {
    @TempDir
    Path work;

    final ObjectMapper json = new ObjectMapper();

    MonitorTarget target(String name, TargetTls tls) {
        return new MonitorTarget(name, List.of("tcp://10.0.0.1:2376"), List.of("https://10.0.0.1:2379"), SwarmFlavour.MODE,
                EtcdApi.V3, null, tls);
    }

    @Test
    void filesAre0700And0600And0644TheKeyIsNeverInTheJsonAndANewStoreReadsThemBack() throws Exception {
        ClusterPki pki = ClusterPki.create(work.resolve("pki"), "lab");
        TargetTls tls = TlsEtcd.tls(pki.layout().clientDir());
        Path dir = work.resolve("targets");
        TargetStore store = new TargetStore(dir, json);
        store.put(target("lab", tls));

        Path tlsDir = dir.resolve("lab").resolve("tls");
        assertEquals(tlsDir, store.tlsDir("lab"));
        assertEquals("rwx------", mode(dir.resolve("lab")));
        assertEquals("rwx------", mode(tlsDir));
        assertEquals("rw-r--r--", mode(tlsDir.resolve("ca.pem")));
        assertEquals("rw-r--r--", mode(tlsDir.resolve("cert.pem")));
        assertEquals("rw-------", mode(tlsDir.resolve("key.pem")));
        assertEquals(List.of("ca.pem", "cert.pem", "key.pem"), list(tlsDir), "no temporary file left");
        assertEquals(tls.ca(), Files.readString(tlsDir.resolve("ca.pem")));
        assertEquals(tls.cert(), Files.readString(tlsDir.resolve("cert.pem")));
        assertEquals(tls.key(), Files.readString(tlsDir.resolve("key.pem")));

        String file = Files.readString(dir.resolve("lab.json"));
        assertFalse(file.contains("PRIVATE KEY"), file);
        assertFalse(file.contains(body(tls.key())), file);
        assertFalse(file.contains("\"key\""), file);
        assertTrue(file.contains("BEGIN CERTIFICATE"), "the certificates are no secret: " + file);
        assertFalse(store.find("lab").orElseThrow().toString().contains("PRIVATE KEY"));

        // a restart: the key comes back from key.pem
        MonitorTarget loaded = new TargetStore(dir, json).find("lab").orElseThrow();
        assertEquals(store.find("lab").orElseThrow(), loaded);
        assertEquals(tls.key(), loaded.tls().key());
    }

    @Test
    void aKeyInPkcs1OrSec1IsStoredInPkcs8() throws Exception {
        ClusterPki pki = ClusterPki.create(work.resolve("pki"), "lab");
        Path pkcs8 = pki.layout().clientKey();
        String sec1 = Exec.ok("openssl", "ec", "-in", pkcs8.toString());
        assertTrue(sec1.contains("BEGIN EC PRIVATE KEY"), sec1);
        TargetTls given = TlsEtcd.tls(pki.layout().clientDir());
        TargetStore store = new TargetStore(work.resolve("targets"), json);
        store.put(target("lab", new TargetTls(given.ca(), given.cert(), sec1)));
        String stored = Files.readString(store.tlsDir("lab").resolve("key.pem"));
        assertTrue(stored.startsWith("-----BEGIN PRIVATE KEY-----"), "Netty (jetcd) reads PKCS#8 only");
        assertEquals(stored, store.find("lab").orElseThrow().tls().key());
    }

    @Test
    void aPutReplacesTheFilesOneWithoutTlsAndADeleteRemoveThem() throws Exception {
        TargetTls first = TlsEtcd.tls(ClusterPki.create(work.resolve("pki-1"), "one").layout().clientDir());
        TargetTls second = TlsEtcd.tls(ClusterPki.create(work.resolve("pki-2"), "two").layout().clientDir());
        Path dir = work.resolve("targets");
        TargetStore store = new TargetStore(dir, json);
        store.put(target("lab", first));
        store.put(target("lab", second));
        assertEquals(second.key(), Files.readString(store.tlsDir("lab").resolve("key.pem")));
        assertEquals(second.ca(), Files.readString(store.tlsDir("lab").resolve("ca.pem")));
        assertEquals("rw-------", mode(store.tlsDir("lab").resolve("key.pem")));
        assertNotEquals(target("lab", first), store.find("lab").orElseThrow(), "a new TLS is a changed target: its clients are made again");

        store.put(new MonitorTarget("lab", List.of("tcp://10.0.0.1:2375"), List.of(), SwarmFlavour.MODE, EtcdApi.V3));
        assertFalse(Files.exists(dir.resolve("lab")), "TLS dropped: its files go");
        assertNull(new TargetStore(dir, json).find("lab").orElseThrow().tls());

        store.put(target("lab", first));
        assertTrue(Files.exists(store.tlsDir("lab").resolve("key.pem")));
        assertTrue(store.remove("lab"));
        assertFalse(Files.exists(dir.resolve("lab")));
        assertEquals(List.of(), list(dir));
    }

    @Test
    void whatACrashLeavesIsFinishedRemovedOrRefused() throws Exception {
        ClusterPki pki = ClusterPki.create(work.resolve("pki"), "lab");
        ClusterPki other = ClusterPki.create(work.resolve("other"), "other");
        TargetTls tls = TlsEtcd.tls(pki.layout().clientDir());
        Path dir = work.resolve("targets");
        TargetStore store = new TargetStore(dir, json);
        for (String name : List.of("orphan", "nokey", "newca", "dropped", "halfway")) {
            store.put(target(name, tls));
        }
        // files no JSON claims: the target's JSON was deleted, the crash came before its folder
        Files.delete(dir.resolve("orphan.json"));
        // a key lost
        Files.delete(store.tlsDir("nokey").resolve("key.pem"));
        // a new CA written, the crash before the certificate and key that go with it
        Files.copy(other.layout().clientCa(), store.tlsDir("newca").resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // TLS dropped by a PUT whose JSON was written, the crash before the files went
        Files.writeString(dir.resolve("dropped.json"), "{\"name\":\"dropped\",\"dockerEndpoints\":[\"tcp://10.0.0.1:2375\"],"
                + "\"etcdEndpoints\":[],\"swarm\":\"mode\",\"etcdApi\":\"v3\"}");
        // a pair replacement between its two renames (the new key in place, its certificate beside)
        Path halfway = store.tlsDir("halfway");
        Files.copy(pki.layout().clientCertificate(), halfway.resolve("cert.pem.next"));
        Files.writeString(halfway.resolve(".key.pem.0123456789abcdef.tmp"), "half a key");

        TargetStore restarted = new TargetStore(dir, json);
        assertEquals(List.of("dropped", "halfway"), restarted.all().stream().map(MonitorTarget::name).toList());
        assertFalse(Files.exists(dir.resolve("orphan")));
        assertFalse(Files.exists(dir.resolve("dropped")));
        assertEquals(List.of("ca.pem", "cert.pem", "key.pem"), list(halfway));
        assertEquals(tls, restarted.find("halfway").orElseThrow().tls());
        assertTrue(Files.exists(dir.resolve("nokey.json")), "kept for a PUT again");
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static List<String> list(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The base64 lines of a PEM block, joined. */
    static String body(String pem) {
        return pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    }
}
