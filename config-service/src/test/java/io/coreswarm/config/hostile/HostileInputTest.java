package io.coreswarm.config.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.coreswarm.config.discovery.DiscoveryStore;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A corpus of hostile requests against config-service, as an attacker on the same network would
 * send them. For every one: no 5xx, an answer within 10 s, a problem+json for every refusal
 * (etcd's own error shape where the discovery protocol requires it; an empty body only where
 * Vert.x's decoder answers before any route, see HttpEdges), no internal names, nothing stored in
 * discovery, and the service still ready afterwards. Each answer is written to
 * {@code target/hostile-input.txt}.
 */
@QuarkusTest
class HostileInputTest {
    private static final Path REPORT = Path.of("target", "hostile-input.txt");
    private static final int MAX = 262_144;

    enum Expect {
        /** a 4xx application/problem+json */
        PROBLEM,
        /** a 4xx etcd v2 error, as etcd's discovery client expects */
        ETCD,
        /** a 200 validation report with at least one error finding: the document is data, judged */
        REPORT,
        /** a 200 validation report, whatever it finds */
        JUDGED,
        /** refused by Vert.x's decoder before any route: the status only */
        DECODER
    }

    record Case(String name, Expect expect, Callable<RawHttp.Answer> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Inject
    DiscoveryStore store;

    private static String token;

    /** The token the discovery cases attack, minted before the first case runs (Quarkus's port is known then). */
    private static void mintOneToken() throws IOException {
        if (token != null) {
            return;
        }
        RawHttp.Answer minted = RawHttp.get("/v1/discovery/new?size=3", "localhost");
        assertEquals(200, minted.status(), minted.toString());
        token = minted.body().substring(minted.body().lastIndexOf('/') + 1).trim();
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "case | status | ms | content-type\n");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static Case json(String name, String body) {
        return new Case(name, Expect.PROBLEM, () -> RawHttp.post("/v1/renderings", "application/json", utf8(body), false));
    }

    private static Case spec(String name, String specFields) {
        return json(name, "{\"spec\":{" + specFields + "}}");
    }

    private static Case userData(String name, Expect expect, String body) {
        return new Case(name, expect, () -> RawHttp.post("/v1/validations/cloud-config", "text/plain", utf8(body), false));
    }

    private static Case put(String name, Expect expect, String key, String form) {
        return new Case(name, expect, () -> RawHttp.send("PUT /v1/discovery/" + token + "/" + key + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + utf8(form).length
                + "\r\nConnection: close\r\n\r\n", utf8(form), false));
    }

    private static Case get(String name, Expect expect, String pathAndQuery, String host) {
        return new Case(name, expect, () -> RawHttp.get(pathAndQuery.replace("TOKEN", token), host));
    }

    static Stream<Case> corpus() throws IOException {
        List<Case> c = new ArrayList<>();
        // --- sizes, however the body comes
        c.add(new Case("rendering body over 256 KiB", Expect.PROBLEM,
                () -> RawHttp.post("/v1/renderings", "application/json", filled(MAX + 1, ' '), false)));
        c.add(new Case("rendering body over 256 KiB, chunked", Expect.PROBLEM,
                () -> RawHttp.post("/v1/renderings", "application/json", filled(MAX * 4, ' '), true)));
        c.add(new Case("user-data of 8 MB, chunked", Expect.PROBLEM,
                () -> RawHttp.post("/v1/validations/cloud-config", "text/plain", filled(8_000_000, 'a'), true)));
        c.add(new Case("Content-Length of 10^15", Expect.PROBLEM, () -> RawHttp.send("POST /v1/renderings HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000000000000000\r\nConnection: close\r\n\r\n",
                utf8("{}"), false)));
        // --- JSON that a lenient parser would take
        c.add(spec("nodes 2.5", "\"name\":\"demo\",\"nodes\":2.5"));
        c.add(spec("nodes \"3\"", "\"name\":\"demo\",\"nodes\":\"3\""));
        c.add(spec("nodes fullwidth \"３\"", "\"name\":\"demo\",\"nodes\":\"\uff13\""));
        c.add(spec("nodes 10^20", "\"name\":\"demo\",\"nodes\":100000000000000000000"));
        c.add(spec("nodes 1e400", "\"name\":\"demo\",\"nodes\":1e400"));
        c.add(spec("nodes -2147483648", "\"name\":\"demo\",\"nodes\":-2147483648"));
        c.add(spec("memory as boolean", "\"name\":\"demo\",\"memory\":true"));
        c.add(spec("name as number", "\"name\":42"));
        c.add(spec("duplicate name", "\"name\":\"demo\",\"name\":\"evil\""));
        c.add(json("trailing document", "{\"spec\":{\"name\":\"demo\"}}{\"spec\":{\"name\":\"evil\"}}"));
        c.add(json("trailing garbage", "{\"spec\":{\"name\":\"demo\"}} ;rm -rf /"));
        c.add(json("nesting 50000 deep", "{\"spec\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}"));
        c.add(json("string of 200 KB", "{\"spec\":{\"name\":\"" + "a".repeat(200_000) + "\"}}"));
        c.add(json("number of 200 KB", "{\"spec\":{\"name\":\"demo\",\"nodes\":" + "9".repeat(200_000) + "}}"));
        c.add(new Case("invalid UTF-8", Expect.PROBLEM, () -> RawHttp.post("/v1/renderings", "application/json",
                new byte[] { '{', '"', 's', 'p', 'e', 'c', '"', ':', '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '}' }, false)));
        c.add(json("not JSON at all", "\u0000\u0001\u0002binary"));
        c.add(new Case("JSON as text/plain", Expect.PROBLEM,
                () -> RawHttp.post("/v1/renderings", "text/plain", utf8("{\"spec\":{\"name\":\"demo\"}}"), false)));
        // --- names, labels and URLs that end up in files
        c.add(spec("name with NUL", "\"name\":\"de\\u0000mo\""));
        c.add(spec("name with newline", "\"name\":\"demo\\nrm -rf /\""));
        c.add(spec("name as path traversal", "\"name\":\"../../etc\""));
        c.add(spec("name with a slash", "\"name\":\"a/b\""));
        c.add(spec("name with Ruby interpolation", "\"name\":\"#{`id`}\""));
        c.add(spec("label value with quote and newline", "\"name\":\"demo\",\"labels\":{\"a\":\"x'\\ny: 1\"}"));
        c.add(spec("labels, 5000 of them", "\"name\":\"demo\",\"labels\":{" + labels(5000) + "}"));
        c.add(json("discoveryUrl with CRLF", "{\"spec\":{\"name\":\"demo\"},\"discoveryUrl\":\"http://x/\\r\\nSet-Cookie: a\"}"));
        c.add(json("discoveryUrl with quote", "{\"spec\":{\"name\":\"demo\"},\"discoveryUrl\":\"http://x/'; system('id'); '\"}"));
        c.add(json("subnet /8", "{\"spec\":{\"name\":\"demo\"},\"subnet\":\"10.0.0.0/8\"}"));
        c.add(spec("99 nodes of 64 GB and 32 CPUs, docker port overflow", "\"name\":\"demo\",\"nodes\":99,\"dockerPort\":65500"));
        // --- Host headers that would land in minted URLs and rendered files
        for (String host : new String[] { "evil.example.com", "evil.example.com:8081", "10.255.255.254", "a'b\"c", "x/../y@z",
                "localhost:8081@evil.example.com", "[::1", "" }) {
            c.add(get("discovery new with Host " + host, Expect.PROBLEM, "/v1/discovery/new", host));
            byte[] legacy = utf8("{\"spec\":{\"name\":\"demo\",\"target\":\"coreos-legacy\"}}");
            c.add(new Case("coreos-legacy rendering with Host " + host, Expect.PROBLEM, () -> RawHttp.send(
                    "POST /v1/renderings HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: "
                            + legacy.length + "\r\nConnection: close\r\n\r\n", legacy, false)));
        }
        // --- discovery
        c.add(put("ttl 10^16", Expect.PROBLEM, "m1", "value=a&ttl=10000000000000000"));
        c.add(put("ttl 10^17", Expect.PROBLEM, "m1", "value=a&ttl=100000000000000000"));
        c.add(put("ttl fullwidth", Expect.PROBLEM, "m1", "value=a&ttl=%EF%BC%93"));
        c.add(put("key 1200 levels deep", Expect.PROBLEM, String.join("/", Collections.nCopies(1200, "a")), "value=a"));
        c.add(put("key 17 levels deep", Expect.PROBLEM, String.join("/", Collections.nCopies(17, "a")), "value=a"));
        c.add(put("key with an encoded slash", Expect.PROBLEM, "a%2F..%2Fb", "value=a"));
        c.add(put("key with a control character", Expect.PROBLEM, "m%01x", "value=a"));
        c.add(put("key with ..", Expect.PROBLEM, "a/../b", "value=a"));
        c.add(put("key with encoded ..", Expect.PROBLEM, "a/%2E%2E/b", "value=a"));
        c.add(put("key with encoded .", Expect.PROBLEM, "a/%2e/b", "value=a"));
        c.add(put("value of 5000 characters", Expect.PROBLEM, "m1", "value=" + "v".repeat(5000)));
        c.add(put("value of 100 KB", Expect.PROBLEM, "m1", "value=" + "v".repeat(100_000)));
        c.add(put("form of 200 KB of fields", Expect.PROBLEM, "m1", "value=a&" + "x=1&".repeat(50_000)));
        c.add(put("prevExist maybe", Expect.PROBLEM, "m1?prevExist=maybe", "value=a"));
        c.add(get("recursive GET of a 1200-level key", Expect.PROBLEM,
                "/v1/discovery/TOKEN/" + String.join("/", Collections.nCopies(1200, "a")) + "?recursive=true", "localhost"));
        c.add(get("size fullwidth", Expect.PROBLEM, "/v1/discovery/new?size=%EF%BC%93", "localhost"));
        c.add(get("size 10^20", Expect.PROBLEM, "/v1/discovery/new?size=100000000000000000000", "localhost"));
        c.add(get("waitIndex 10^20", Expect.PROBLEM, "/v1/discovery/TOKEN?wait=true&waitIndex=100000000000000000000", "localhost"));
        c.add(get("unknown token", Expect.ETCD, "/v1/discovery/ffffffffffffffffffffffffffffffff", "localhost"));
        c.add(get("token as path traversal", Expect.PROBLEM, "/v1/discovery/..%2F..%2Fq%2Fhealth", "localhost"));
        // --- cloud-config
        c.add(userData("empty user-data", Expect.PROBLEM, ""));
        c.add(userData("write_files aliasing one gzip bomb (81 KB)", Expect.JUDGED, aliasedGzipBombs(1000)));
        c.add(userData("billion laughs", Expect.REPORT, billionLaughs()));
        c.add(userData("YAML nested 10000 deep", Expect.REPORT, "#cloud-config\nhostname: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"));
        c.add(userData("control characters", Expect.REPORT, "#cloud-config\nhostname: \"a\u0007b\"\nusers: \u0000\n"));
        c.add(userData("Java tag", Expect.REPORT, "#cloud-config\nhostname: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n"));
        c.add(userData("write_files under /usr via ..", Expect.REPORT, "#cloud-config\nwrite_files:\n- path: /tmp/../usr/bin/x\n  content: a\n"));
        // --- the HTTP layer itself
        c.add(new Case("request line of 10 KB", Expect.PROBLEM, () -> RawHttp.get("/v1/discovery/" + "a".repeat(10_000), "localhost")));
        c.add(new Case("a header of 30 KB", Expect.PROBLEM, () -> RawHttp.send("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nX-A: "
                + "a".repeat(30_000) + "\r\nConnection: close\r\n\r\n", null, false)));
        c.add(new Case("request line of 20 KB", Expect.DECODER, () -> RawHttp.get("/v1/discovery/" + "a".repeat(20_000), "localhost")));
        c.add(new Case("a header of 100 KB", Expect.DECODER, () -> RawHttp.send("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nX-A: "
                + "a".repeat(100_000) + "\r\nConnection: close\r\n\r\n", null, false)));
        c.add(new Case("not HTTP", Expect.DECODER, () -> RawHttp.send("\u0016\u0003\u0001\u0002\u0000\u0001\r\n\r\n", null, false)));
        c.add(new Case("wrong method", Expect.PROBLEM, () -> RawHttp.send("DELETE /v1/renderings HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null, false)));
        c.add(new Case("unknown path", Expect.PROBLEM, () -> RawHttp.get("/v1/%2e%2e/%2e%2e/etc/passwd", "localhost")));
        return c.stream();
    }

    /** One 16 MiB gzip bomb, aliased by {@code entries} write_files entries: about 81 KB for 1000. */
    private static String aliasedGzipBombs(int entries) throws IOException {
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 16; i++) {
                gz.write(zeros);
            }
        }
        StringBuilder doc = new StringBuilder("#cloud-config\nbomb: &bomb ")
                .append(java.util.Base64.getEncoder().encodeToString(packed.toByteArray())).append("\nwrite_files:\n");
        for (int i = 0; i < entries; i++) {
            doc.append("- {path: /tmp/f").append(i).append(", encoding: gzip+base64, content: *bomb}\n");
        }
        return doc.toString();
    }

    private static String labels(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        return b.toString();
    }

    private static String billionLaughs() {
        StringBuilder bomb = new StringBuilder("#cloud-config\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        return bomb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithoutHarm(Case hostile) throws Exception {
        mintOneToken();
        int tokens = store.tokenCount();
        long index = store.index();

        RawHttp.Answer a = hostile.request().call();
        String detail = a.body().replaceAll("\\s+", " ");
        Files.writeString(REPORT, hostile.name() + " | " + a.status() + " | " + a.millis() + " | " + a.header("Content-Type") + " | "
                + (detail.length() > 160 ? detail.substring(0, 160) + "…" : detail) + "\n", StandardOpenOption.APPEND);

        assertTrue(a.millis() < 10_000, "answered in " + a.millis() + " ms: " + a);
        assertTrue(a.status() > 0 && a.status() < 500, "no 5xx and an answer: " + a);
        switch (hostile.expect()) {
            case PROBLEM -> {
                assertTrue(a.status() >= 400, a.toString());
                assertTrue(a.isProblem(), "problem+json: " + a);
                assertTrue(a.body().contains("\"status\":" + a.status()), a.toString());
            }
            case ETCD -> {
                assertTrue(a.status() >= 400, a.toString());
                assertTrue(a.body().contains("\"errorCode\""), a.toString());
            }
            case JUDGED -> {
                assertEquals(200, a.status(), a.toString());
                assertTrue(a.body().contains("\"valid\":"), a.toString());
            }
            case REPORT -> {
                assertEquals(200, a.status(), a.toString());
                assertTrue(a.body().contains("\"valid\":false") && a.body().contains("\"severity\":\"error\""), a.toString());
            }
            case DECODER -> assertTrue(a.status() >= 400, a.toString());
        }
        HttpEdgesTest.assertNoInternals(a.body());
        assertEquals(tokens, store.tokenCount(), "no token minted");
        assertEquals(index, store.index(), "nothing written to discovery");

        RawHttp.Answer ready = RawHttp.get("/q/health/ready", "localhost");
        assertEquals(200, ready.status(), "still ready: " + ready);
    }

}
