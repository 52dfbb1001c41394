package io.coreswarm.provisioner.auth;

import static io.restassured.RestAssured.given;
import static io.coreswarm.testsupport.TestApiToken.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.coreswarm.testsupport.TestApiToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The API token at the provisioner: every path but health needs it, image uploads refused before their body. */
@QuarkusTest
class ApiTokenTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withoutTheTokenOrWithAnotherEveryApiPathIsA401Problem() throws Exception {
        for (String path : new String[] { "/v1/clusters", "/v1/clusters/demo", "/v1/clusters/demo/env", "/v1/operations",
                "/q/openapi" }) {
            assertUnauthorized(send(path, null, null), path);
            HttpResponse<String> wrong = send(path, "Bearer not-the-token-but-long-enough-42", null);
            assertUnauthorized(wrong, path);
            assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"), path);
            assertFalse(wrong.body().contains("not-the-token"), wrong.body());
        }
        // the live log of an operation (server-sent events) as well
        assertUnauthorized(send("/v1/operations/op-0123456789/log", null, "text/event-stream"), "operation log");
        // with the token (rest-assured sends it by default) the same paths answer
        given().get("/v1/clusters").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void healthIsOpen() throws Exception {
        for (String path : new String[] { "/q/health", "/q/health/live", "/q/health/ready" }) {
            assertEquals(200, send(path, null, null).statusCode(), path);
        }
    }

    /**
     * A 1 GiB image upload without the token: only its headers are sent, and the 401 comes back at
     * once. The body is never waited for, let alone streamed to disk.
     */
    @Test
    void anImageUploadWithoutTheTokenIsRefusedBeforeItsBody() throws Exception {
        for (String framing : new String[] { "Content-Length: 1073741824\r\n", "Transfer-Encoding: chunked\r\n" }) {
            for (String expect : new String[] { "", "Expect: 100-continue\r\n" }) {
                long start = System.nanoTime();
                String answer = exchange("POST /v1/clusters/demo/images HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-tar\r\n" + framing + expect + "\r\n");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(answer.startsWith("HTTP/1.1 401"), framing + expect + ": " + answer);
                assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
                assertTrue(answer.toLowerCase().contains("www-authenticate: bearer"), answer);
                assertFalse(answer.contains("100 Continue"), "no leave to send the body: " + answer);
                assertTrue(millis < 5000, "answered in " + millis + " ms");
            }
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Sends only a request head and reads what comes back until the server closes or 5 s pass. */
    static String exchange(String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    got.write(buffer, 0, n);
                    String text = got.toString(StandardCharsets.UTF_8);
                    if (text.contains("\r\n\r\n") && text.endsWith("}")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // judged by what arrived
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    static HttpResponse<String> send(String path, String authorization, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
