package io.coreswarm.testsupport;

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
}
