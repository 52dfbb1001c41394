package io.coreswarm.monitor.auth;

import static io.restassured.RestAssured.given;
import static io.coreswarm.testsupport.TestApiToken.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.coreswarm.testsupport.TestApiToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The API token at monitor-service: every path but health needs it, the live event stream and the metrics too. */
@QuarkusTest
class ApiTokenTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withoutTheTokenOrWithAnotherEveryApiPathIsA401Problem() throws Exception {
        for (String path : new String[] { "/v1/targets", "/v1/targets/lab", "/v1/clusters/lab/health", "/v1/clusters/lab/info",
                "/v1/clusters/lab/events", "/q/metrics", "/q/openapi" }) {
            assertUnauthorized(send("GET", path, null, null, null), path);
            HttpResponse<String> wrong = send("GET", path, "Bearer not-the-token-but-long-enough-42", null, null);
            assertUnauthorized(wrong, path);
            assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"), path);
            assertFalse(wrong.body().contains("not-the-token"), wrong.body());
        }
        // the live events (server-sent events) and a target's registration as well
        assertUnauthorized(send("GET", "/v1/clusters/lab/events/stream", null, "text/event-stream", null), "event stream");
        assertUnauthorized(send("PUT", "/v1/targets/lab", null, null,
                "{\"dockerEndpoints\":[\"tcp://10.0.0.1:2376\"],\"etcdEndpoints\":[],\"swarm\":\"mode\",\"etcdApi\":\"v3\"}"), "PUT target");
        given().get("/v1/targets/lab").then().statusCode(404);
        // with the token (rest-assured sends it by default) they answer
        given().get("/v1/targets").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void theDashboardLinkSetsAnHttpOnlyCookieThatServesReadsOnly() throws Exception {
        // the page, its script and style hold no data: open
        for (String path : new String[] { "/", "/dashboard.js", "/dashboard.css" }) {
            assertEquals(200, send("GET", path, null, null, null).statusCode(), path);
        }
        HttpResponse<String> wrong = send("GET", "/?token=not-the-token-but-long-enough-42", null, null, null);
        assertUnauthorized(wrong, "a link with another token");
        assertTrue(wrong.headers().allValues("Set-Cookie").isEmpty(), "no cookie for a wrong token");

        // Jupyter's convention: /?token= sets the cookie and sends the browser to / (the token leaves the address bar)
        HttpResponse<String> login = send("GET", "/?token=" + TestApiToken.VALUE, null, null, null);
        assertEquals(303, login.statusCode());
        assertEquals("/", login.headers().firstValue("Location").orElse(""));
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("coreswarm-token=" + TestApiToken.VALUE + ";"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);

        // the cookie reads what the page reads ...
        String sent = "coreswarm-token=" + TestApiToken.VALUE;
        for (String path : new String[] { "/v1/targets", "/v1/webhooks" }) {
            assertEquals(200, withCookie("GET", path, sent, null).statusCode(), path);
        }
        // ... and changes nothing: a write needs the header
        HttpResponse<String> write = withCookie("PUT", "/v1/targets/lab", sent,
                "{\"etcdEndpoints\":[\"http://127.0.0.1:1\"]}");
        assertUnauthorized(write, "a PUT with the cookie only");
        assertUnauthorized(withCookie("DELETE", "/v1/targets/lab", sent, null), "a DELETE with the cookie only");
        // another token in the cookie reads nothing
        assertUnauthorized(withCookie("GET", "/v1/targets", "coreswarm-token=not-the-token-but-long-enough-42", null), "another cookie");
    }

    private static HttpResponse<String> withCookie(String method, String path, String cookie, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(10)).header("Cookie", cookie)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsOpen() throws Exception {
        for (String path : new String[] { "/q/health", "/q/health/live", "/q/health/ready" }) {
            assertEquals(200, send("GET", path, null, null, null).statusCode(), path);
        }
    }

    static HttpResponse<String> send(String method, String path, String authorization, String accept, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
