package io.coreswarm.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import io.coreswarm.testsupport.TestApiToken;

/**
 * The OpenAPI document a service serves must be the one committed under
 * {@code api-contracts/openapi/}: a change of contract is a reviewed change of that file.
 * Run a service's tests with {@code -Dopenapi.update=true} to rewrite it.
 */
public final class OpenApiContract {
    private OpenApiContract() {
    }

    public static void assertServedMatchesCommitted(String service, URI servedDocument) {
        Path committed = Path.of("..", "api-contracts", "openapi", service + ".yaml");
        try {
            String served = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(servedDocument).header("Authorization", TestApiToken.HEADER).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            if (Boolean.getBoolean("openapi.update")) {
                Files.writeString(committed, served);
            }
            String expected = Files.exists(committed) ? Files.readString(committed) : "(missing " + committed + ")";
            assertEquals(expected, served, "the served OpenAPI document drifted from " + committed
                    + "; if the change is intended, run the tests with -Dopenapi.update=true and commit the file");
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
