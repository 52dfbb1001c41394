package io.coreswarm.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A request as the JDK's own HTTP client sends it by default: HTTP/2 asked for on a plain
 * connection through an h2c upgrade ({@code Upgrade: h2c}), the body in the upgrade request.
 * Other internal tools written in Java call the services so; so does {@code curl --http2}.
 */
public final class H2cClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private H2cClient() {
    }

    /** Sends {@code json} with {@code method} to {@code url}, with the test API token. */
    public static HttpResponse<String> send(String method, String url, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TestApiToken.VALUE).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
