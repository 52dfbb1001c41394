package io.coreswarm.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

/**
 * The API token every service's test profile is configured with ({@code %test.coreswarm.api.token}
 * in each application.properties must equal {@link #VALUE}); {@link RestAssuredBearerToken} sends
 * it on every rest-assured request. Other clients (a raw socket, {@code java.net.http}) and service
 * processes a test starts ({@code -Dcoreswarm.api.token=}{@link #VALUE}) take it from here.
 */
public final class TestApiToken {
    public static final String VALUE = "test-api-token-for-coreswarm-tests-only";
    /** The {@code Authorization} header's value. */
    public static final String HEADER = "Bearer " + VALUE;

    private TestApiToken() {
    }

    /** A 401 as every service answers one: problem+json, a Bearer challenge, never the token in the body. */
    public static void assertUnauthorized(HttpResponse<String> r, String what) {
        assertEquals(401, r.statusCode(), what + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what);
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), what);
        assertTrue(r.body().contains("\"status\":401"), r.body());
        assertFalse(r.body().contains(VALUE), r.body());
    }
}
