package io.coreswarm.config.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import io.coreswarm.testsupport.TestApiToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The API token at config-service: every path but health and discovery token paths needs it, and
 * on an address of this machine that is not loopback only discovery token paths answer. The test
 * instance listens on 0.0.0.0 as the service does, so a real non-loopback address of this machine
 * reaches it.
 */
@QuarkusTest
class ApiTokenTest {
    private static final String WRONG = "Bearer not-the-token-but-long-enough-42";
    /** HTTP/1.1 as etcd and curl speak it (java.net.http would otherwise offer an h2c upgrade with each body). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withoutTheTokenEveryApiPathIsA401Problem() throws Exception {
        for (String path : new String[] { "/v1/discovery/new", "/v1/discovery/new?size=3", "/q/openapi", "/q/swagger-ui/",
                "/v1/discovery/new;size=3", "/nowhere" }) {
            assertUnauthorized(send("GET", "http://localhost:" + RestAssured.port + path, null, null), null, false);
        }
        HttpResponse<String> render = send("POST", "http://localhost:" + RestAssured.port + "/v1/renderings", null,
                "{\"spec\":{\"name\":\"demo\"}}");
        assertUnauthorized(render, null, false);
        HttpResponse<String> validate = send("POST", "http://localhost:" + RestAssured.port + "/v1/validations/cloud-config", null,
                "#cloud-config\n");
        assertUnauthorized(validate, null, false);
    }

    @Test
    void aWrongTokenOrSchemeIsA401ProblemThatDoesNotEchoIt() throws Exception {
        HttpResponse<String> wrong = send("GET", "http://localhost:" + RestAssured.port + "/v1/discovery/new", WRONG, null);
        assertUnauthorized(wrong, "error=\"invalid_token\"", true);
        assertFalse(wrong.body().contains("not-the-token"), wrong.body());
        // a near miss: the right token with one character more
        assertUnauthorized(send("GET", "http://localhost:" + RestAssured.port + "/q/openapi", TestApiToken.HEADER + "x", null),
                "error=\"invalid_token\"", true);
        HttpResponse<String> basic = send("GET", "http://localhost:" + RestAssured.port + "/v1/discovery/new",
                "Basic " + TestApiToken.VALUE, null);
        assertUnauthorized(basic, "error=\"invalid_request\"", true);
        assertFalse(basic.body().contains(TestApiToken.VALUE), basic.body());
        // rest-assured keeps a header a test gives
        given().header("Authorization", WRONG).get("/v1/discovery/new").then().statusCode(401);
    }

    @Test
    void healthIsOpen() throws Exception {
        for (String path : new String[] { "/q/health", "/q/health/live", "/q/health/ready" }) {
            assertEquals(200, send("GET", "http://localhost:" + RestAssured.port + path, null, null).statusCode(), path);
        }
    }

    @Test
    void discoveryTokenPathsAreOpenMintingIsNot() throws Exception {
        String url = given().get("/v1/discovery/new?size=1").then().statusCode(200).extract().asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        String base = "http://localhost:" + RestAssured.port + "/v1/discovery/" + token;

        assertEquals(200, send("GET", base, null, null).statusCode());
        assertEquals(200, send("GET", base + "/_config/size", null, null).statusCode());
        HttpResponse<String> put = send("PUT", base + "/a1b2c3?prevExist=false", null, "value=core-01%3Dhttp%3A%2F%2F10.0.0.1%3A2380");
        assertEquals(201, put.statusCode(), put.body());
        assertEquals(200, send("DELETE", base + "/a1b2c3", null, null).statusCode());
    }

    @Test
    void onANonLoopbackAddressOnlyDiscoveryTokenPathsAnswer() throws Exception {
        String address = nonLoopbackAddress();
        String url = given().get("/v1/discovery/new?size=1").then().statusCode(200).extract().asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        String remote = "http://" + address + ":" + RestAssured.port;

        // discovery, as nodes call it through their gateway: no token needed
        HttpResponse<String> get = send("GET", remote + "/v1/discovery/" + token + "/_config/size", null, null);
        assertEquals(200, get.statusCode(), get.body());
        assertEquals(201, send("PUT", remote + "/v1/discovery/" + token + "/f00d?prevExist=false", null,
                "value=core-01%3Dhttp%3A%2F%2F10.0.0.1%3A2380").statusCode());
        // nothing else, not even with the token: minting, rendering, health, the OpenAPI document
        for (String path : new String[] { "/v1/discovery/new", "/q/health", "/q/openapi", "/v1/validations/cloud-config" }) {
            HttpResponse<String> refused = send("GET", remote + path, TestApiToken.HEADER, null);
            assertEquals(404, refused.statusCode(), path + ": " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
            assertTrue(refused.body().contains("only etcd discovery token paths"), refused.body());
        }
        HttpResponse<String> render = send("POST", remote + "/v1/renderings", TestApiToken.HEADER, "{\"spec\":{\"name\":\"demo\"}}");
        assertEquals(404, render.statusCode(), render.body());
        // the same paths on loopback, with the token, answer
        assertEquals(200, send("GET", "http://127.0.0.1:" + RestAssured.port + "/q/health", null, null).statusCode());
    }

    /** An IPv4 address of this machine's interfaces that is not loopback (the test host has one: its network). */
    static String nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a.getHostAddress();
                }
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address to test with");
    }

    static HttpResponse<String> send(String method, String url, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", method.equals("PUT") ? "application/x-www-form-urlencoded"
                    : body.startsWith("{") ? "application/json" : "text/plain");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertUnauthorized(HttpResponse<String> r, String challengePart, boolean tokenGiven) {
        assertEquals(401, r.statusCode(), r.uri() + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.uri().toString());
        String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer"), challenge);
        assertTrue(r.body().contains("\"status\":401") && r.body().contains("\"title\":\"Unauthorized\""), r.body());
        assertTrue(r.body().contains(tokenGiven ? "API token" : "Authorization: Bearer"), r.body());
        if (!tokenGiven) {
            assertTrue(challenge.equals("Bearer realm=\"coreswarm\""), challenge);
        } else {
            assertTrue(challenge.contains(challengePart), challenge);
        }
    }
}
