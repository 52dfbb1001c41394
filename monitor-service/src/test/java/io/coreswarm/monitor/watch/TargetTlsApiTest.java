package io.coreswarm.monitor.watch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.coreswarm.api.health.TargetTls;
import io.coreswarm.monitor.support.LogCapture;
import io.coreswarm.monitor.support.TlsEtcd;
import io.coreswarm.pki.ClusterPki;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A target's {@code tls} over the API: stored in files of their own (0700/0600/0644), shown
 * without its key by every GET, refused with a 400 naming the field when the files do not work
 * together or an https endpoint comes without them, and never in a log line.
 */
@QuarkusTest
class TargetTlsApiTest {
    static final Path FILES = Path.of("target", "monitor-data", "targets");
    static final Path WORK = Path.of("target", "tls-api-" + ProcessHandle.current().pid()).toAbsolutePath();
    static TargetTls lab;
    static TargetTls other;
    static LogCapture log;

    @BeforeAll
    static void certificates() {
        lab = TlsEtcd.tls(ClusterPki.create(WORK.resolve("lab"), "lab").layout().clientDir());
        other = TlsEtcd.tls(ClusterPki.create(WORK.resolve("other"), "other").layout().clientDir());
        log = LogCapture.install();
    }

    @AfterAll
    static void noKeyWasLogged() {
        log.close();
        String text = log.text();
        // the capture sees the service's lines: the targets stored, with their TLS
        assertTrue(text.contains("target lab added: MonitorTarget[name=lab") && text.contains("tls=TargetTls[ca, cert, key: set]"), text);
        assertFalse(text.contains("PRIVATE KEY"), text);
        for (TargetTls tls : List.of(lab, other)) {
            assertFalse(text.contains(firstLine(tls.key())), text);
        }
    }

    @AfterEach
    void forget() {
        given().delete("/v1/targets/lab");
    }

    static Map<String, Object> body(List<String> etcd, Map<String, String> tls) {
        Map<String, Object> body = new HashMap<>(Map.of("dockerEndpoints", List.of("tcp://127.0.0.1:1"), "etcdEndpoints", etcd));
        if (tls != null) {
            body.put("tls", tls);
        }
        return body;
    }

    static Response put(Map<String, Object> body) {
        return given().contentType("application/json").body(body).put("/v1/targets/lab");
    }

    @Test
    void theTlsIsStoredInFilesOfItsOwnAndNoGetShowsTheKey() throws Exception {
        Response put = put(body(List.of("https://127.0.0.1:1"), TlsEtcd.json(lab)));
        assertEquals(200, put.statusCode(), put.asString());
        for (Response r : List.of(put, given().get("/v1/targets/lab"), given().get("/v1/targets"))) {
            String text = r.asString();
            assertEquals(200, r.statusCode(), text);
            assertFalse(text.contains("PRIVATE KEY"), text);
            assertFalse(text.contains(firstLine(lab.key())), text);
            assertFalse(text.contains("\"key\""), text);
        }
        JsonPath got = given().get("/v1/targets/lab").then().extract().jsonPath();
        assertEquals(lab.ca(), got.getString("tls.ca"));
        assertEquals(lab.cert(), got.getString("tls.cert"));
        assertNull(got.get("tls.key"));

        Path tls = FILES.resolve("lab").resolve("tls");
        assertEquals("rwx------", mode(FILES.resolve("lab")));
        assertEquals("rwx------", mode(tls));
        assertEquals("rw-r--r--", mode(tls.resolve("ca.pem")));
        assertEquals("rw-r--r--", mode(tls.resolve("cert.pem")));
        assertEquals("rw-------", mode(tls.resolve("key.pem")));
        assertEquals(lab.key(), Files.readString(tls.resolve("key.pem")));
        assertFalse(Files.readString(FILES.resolve("lab.json")).contains("PRIVATE KEY"));

        // replaced: another cluster's files
        assertEquals(200, put(body(List.of("https://127.0.0.1:1"), TlsEtcd.json(other))).statusCode());
        assertEquals(other.key(), Files.readString(tls.resolve("key.pem")));
        // dropped
        assertEquals(200, put(body(List.of("http://127.0.0.1:1"), null)).statusCode());
        assertFalse(Files.exists(FILES.resolve("lab")));
        assertEquals(200, put(body(List.of("https://127.0.0.1:1"), TlsEtcd.json(lab))).statusCode());
        given().delete("/v1/targets/lab").then().statusCode(204);
        assertFalse(Files.exists(FILES.resolve("lab")), "the files go with the target");
    }

    @Test
    void filesThatDoNotWorkTogetherAreRefusedNamingTheField() throws Exception {
        // base64 still, DER no more
        String brokenCert = lab.cert().replace(firstLine(lab.cert()), "A".repeat(firstLine(lab.cert()).length()));
        String brokenKey = lab.key().replace(firstLine(lab.key()), "A".repeat(firstLine(lab.key()).length()));
        List<String> https = List.of("https://127.0.0.1:1");
        refused(body(https, tls(lab.ca(), lab.cert(), other.key())), Map.of("tls.key", "must be the private key of tls.cert"));
        refused(body(https, tls(lab.ca(), other.cert(), other.key())), Map.of("tls.cert", "must be issued by tls.ca"));
        refused(body(https, tls(lab.cert(), lab.cert(), lab.key())), Map.of("tls.ca", "must be a CA certificate (basic constraints CA:TRUE)",
                "tls.cert", "must be issued by tls.ca"));
        refused(body(https, tls(lab.ca(), brokenCert, lab.key())), Map.of("tls.cert", "must be one X.509 certificate in PEM"));
        refused(body(https, tls(lab.ca(), lab.cert(), brokenKey)),
                Map.of("tls.key", "must be an unencrypted EC or RSA private key in PEM (PKCS#8, PKCS#1 or SEC 1)"));
        refused(body(https, tls(lab.ca(), lab.cert(), lab.key().replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"))),
                Map.of("tls.key", "must be one PEM private key (PKCS#8, PKCS#1 or SEC 1)"));
        // an RSA key past 4096 bits: matching it to the certificate would sign with it
        Path bigRsaFile = WORK.resolve("rsa-4104.pem");
        io.coreswarm.testsupport.Exec.ok("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4104", "-out", bigRsaFile.toString());
        String bigRsa = Files.readString(bigRsaFile);
        refused(body(https, tls(lab.ca(), lab.cert(), bigRsa)), Map.of("tls.key", "must be an RSA key of at most 4096 bits, or an EC key"));
        Map<String, String> noKey = new HashMap<>(TlsEtcd.json(lab));
        noKey.remove("key");
        refused(body(https, noKey), Map.of("tls.key", "must be the client key in PEM"));
        refused(body(https, null), Map.of("etcdEndpoints[0]", "https needs tls: the CA and the client certificate and key to reach etcd with"));
        refused(body(List.of("https://127.0.0.1:1", "http://127.0.0.1:2"), TlsEtcd.json(lab)),
                Map.of("etcdEndpoints[1]", "must use the scheme of etcdEndpoints[0] (https): one client speaks to every member"));
    }

    static Map<String, String> tls(String ca, String cert, String key) {
        return Map.of("ca", ca, "cert", cert, "key", key);
    }

    /** A 400 problem naming exactly these fields with these rules, quoting no PEM, with nothing written. */
    static void refused(Map<String, Object> body, Map<String, String> violations) {
        Response r = put(body);
        String text = r.asString();
        assertEquals(400, r.statusCode(), text);
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        JsonPath problem = r.jsonPath();
        Map<String, String> got = new HashMap<>();
        problem.getList("violations", Map.class).forEach(v -> got.put((String) v.get("field"), (String) v.get("rule")));
        assertEquals(violations, got, text);
        assertFalse(text.contains("BEGIN"), text);
        assertFalse(text.contains(firstLine(lab.key())) || text.contains(firstLine(other.key())), text);
        Object sent = body.get("tls") instanceof Map<?, ?> tls ? tls.get("key") : null;
        if (sent != null) {
            assertFalse(text.contains(firstLine(sent.toString())), "the key sent: " + text);
        }
        assertFalse(Files.exists(FILES.resolve("lab.json")), "nothing stored");
        assertFalse(Files.exists(FILES.resolve("lab")), "no TLS files written");
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static String firstLine(String pem) {
        return pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    }
}
