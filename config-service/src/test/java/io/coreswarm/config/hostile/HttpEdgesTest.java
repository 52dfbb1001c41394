package io.coreswarm.config.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The HTTP layer shared by every service (api-contracts' problem package): body caps however the
 * body comes, strict JSON, problem+json from the HTTP layer itself, no internal names.
 */
@QuarkusTest
class HttpEdgesTest {
    private static final int MAX = 262_144;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'a');
        return b;
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void aBodyOverTheCapIs413ProblemChunkedOrNot(boolean chunked) throws Exception {
        for (String path : new String[] { "/v1/validations/cloud-config", "/v1/renderings" }) {
            RawHttp.Answer a = RawHttp.post(path, path.contains("valid") ? "text/plain" : "application/json",
                    bytes(MAX + 1), chunked);
            assertEquals(413, a.status(), a.toString());
            assertTrue(a.isProblem(), a.toString());
            assertTrue(a.body().contains("\"field\":\"body\"") && a.body().contains("must be at most 262144 bytes"), a.toString());
        }
        RawHttp.Answer big = RawHttp.post("/v1/validations/cloud-config", "text/plain", bytes(5_000_000), chunked);
        assertEquals(413, big.status(), big.toString());
        assertTrue(big.isProblem(), big.toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void aBodyAtTheCapIsRead(boolean chunked) throws Exception {
        byte[] body = ("#cloud-config\n#" + "a".repeat(MAX - 16) + "\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals(MAX, body.length);
        RawHttp.Answer a = RawHttp.post("/v1/validations/cloud-config", "text/plain", body, chunked);
        assertEquals(200, a.status(), a.toString());
        assertTrue(a.body().contains("\"valid\":true"), a.toString());
    }

    @Test
    void aClientThatExpects100ContinueGetsItAndThenItsAnswer() throws Exception {
        byte[] body = "#cloud-config\nhostname: a\n".getBytes(StandardCharsets.US_ASCII);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /v1/validations/cloud-config HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + io.coreswarm.testsupport.TestApiToken.HEADER + "\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: " + body.length + "\r\nExpect: 100-continue\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] interim = new byte[25];
            int n = socket.getInputStream().read(interim);
            assertTrue(new String(interim, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 100"), "100 Continue first");
            socket.getOutputStream().write(body);
            String rest = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(rest.contains("200 OK") && rest.contains("\"valid\":true"), rest);
        }
        RawHttp.Answer refused = RawHttp.send("POST /v1/validations/cloud-config HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 10000000\r\nExpect: 100-continue\r\n\r\n", null, false);
        assertEquals(413, refused.status(), "refused before the body is sent: " + refused);
        assertTrue(refused.isProblem(), refused.toString());
    }

    @Test
    void aChunkedJsonRequestUnderTheCapWorksAsAnyOther() throws Exception {
        RawHttp.Answer a = RawHttp.post("/v1/renderings", "application/json",
                "{\"spec\":{\"name\":\"chunky\",\"nodes\":1}}".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(200, a.status(), a.toString());
        assertTrue(a.body().contains("\"name\":\"chunky\""), a.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"spec\":{\"name\":\"demo\",\"nodes\":2.5}}|spec.nodes|must be an integer",
            "{\"spec\":{\"name\":\"demo\",\"nodes\":2.0}}|spec.nodes|must be an integer",
            "{\"spec\":{\"name\":\"demo\",\"nodes\":\"3\"}}|spec.nodes|must be an integer",
            "{\"spec\":{\"name\":\"demo\",\"nodes\":\"\uff13\"}}|spec.nodes|must be an integer",
            "{\"spec\":{\"name\":\"demo\",\"nodes\":\"\"}}|spec.nodes|must be an integer",
            "{\"spec\":{\"name\":\"demo\",\"nodes\":true}}|spec.nodes|must be an integer",
            "{\"spec\":{\"name\":\"demo\",\"nodes\":99999999999999999999}}|spec.nodes|out of range",
            "{\"spec\":{\"name\":\"demo\",\"nodes\":1e400}}|spec.nodes|must be an integer",
            "{\"spec\":{\"name\":123}}|spec.name|must be a string",
            "{\"spec\":{\"name\":true}}|spec.name|must be a string",
            "{\"spec\":{\"name\":\"demo\",\"labels\":{\"a\":1}}}|spec.labels.a|must be a string",
            "{\"spec\":{\"name\":\"demo\",\"name\":\"evil\"}}|spec.name|must be given once",
            "{\"spec\":{\"name\":\"demo\"},\"spec\":{\"name\":\"evil\"}}|spec|must be given once",
            "{\"spec\":{\"name\":\"demo\",\"labels\":{\"a\":\"1\",\"a\":\"2\"}}}|spec.labels.a|must be given once",
            "{\"spec\":{\"name\":\"demo\"}} {\"x\":1}|body|must be one JSON document with nothing after it",
            "{\"spec\":{\"name\":\"demo\"}}]|body|well-formed JSON at line 1, column 25",
            "{\"spec\":{\"name\":\"demo\"}} garbage|body|well-formed JSON",
    })
    void jsonIsReadStrictlyAndTheProblemNamesTheFieldAndTheRule(String c) {
        String[] p = c.split("\\|");
        String body = given().contentType("application/json").body(p[0]).post("/v1/renderings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(p[1]))
                .body("violations[0].rule", containsString(p[2]))
                .extract().asString();
        assertNoInternals(body);
    }

    @Test
    void aDeeplyNestedDocumentIsAProblemWithoutInternals() {
        String body = given().contentType("application/json")
                .body("{\"spec\":" + "[".repeat(2000) + "]".repeat(2000) + "}").post("/v1/renderings")
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertNoInternals(body);
    }

    static void assertNoInternals(String body) {
        for (String internal : new String[] { "com.fasterxml", "jackson", "Jackson", "io.coreswarm", "java.", "io.vertx",
                "io.quarkus", "Exception", "StreamReadConstraints", "DeserializationFeature", "`" }) {
            assertFalse(body.contains(internal), internal + " in " + body);
        }
    }

    @Test
    void anUnknownPathAndAWrongMethodSpeakProblemJson() {
        given().get("/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().delete("/v1/renderings").then().statusCode(405).contentType("application/problem+json");
        given().contentType("application/xml").body("<x/>").post("/v1/renderings")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a'b\"c;d", "x/../y@z:9", "", "[::1", "localhost:99999", "localhost:8081:1" })
    void anUnusableHostHeaderIsAProblemNamingHost(String host) throws Exception {
        RawHttp.Answer a = RawHttp.get("/v1/discovery/new", host);
        assertEquals(400, a.status(), a.toString());
        assertTrue(a.isProblem(), a.toString());
        assertTrue(a.body().contains("\"field\":\"Host\""), a.toString());
        assertNoInternals(a.body());
    }

    @Test
    void anOversizedRequestLineOrHeaderIsAProblem() throws Exception {
        RawHttp.Answer longLine = RawHttp.get("/v1/discovery/" + "a".repeat(10_000), "localhost");
        assertEquals(414, longLine.status(), longLine.toString());
        assertTrue(longLine.isProblem(), longLine.toString());
        RawHttp.Answer bigHeader = RawHttp.send("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(30_000) + "\r\nConnection: close\r\n\r\n", null, false);
        assertEquals(431, bigHeader.status(), bigHeader.toString());
        assertTrue(bigHeader.isProblem(), bigHeader.toString());
        RawHttp.Answer manyHeaders = RawHttp.send("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\n"
                + "X-A: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(300)
                + "Connection: close\r\n\r\n", null, false);
        assertEquals(431, manyHeaders.status(), manyHeaders.toString());
        assertTrue(manyHeaders.isProblem(), manyHeaders.toString());
    }

    @Test
    void whatTheDecoderRefusesBeforeAnyRouteIsRefusedQuickly() throws Exception {
        // Vert.x answers these before Quarkus sees the request: status right, body empty (see HttpEdges)
        RawHttp.Answer longLine = RawHttp.get("/v1/discovery/" + "a".repeat(20_000), "localhost");
        assertEquals(414, longLine.status(), longLine.toString());
        RawHttp.Answer bigHeader = RawHttp.send("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(100_000) + "\r\nConnection: close\r\n\r\n", null, false);
        assertEquals(431, bigHeader.status(), bigHeader.toString());
        RawHttp.Answer garbage = RawHttp.send("GARBAGE\r\n\r\n", null, false);
        assertEquals(400, garbage.status(), garbage.toString());
        given().get("/q/health/ready").then().statusCode(200).body(not(containsString("DOWN")));
    }
}
