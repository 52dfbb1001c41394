package io.coreswarm.api.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class OpenPathsTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void healthAndDiscoveryTokenPathsAreOpen() {
        for (String open : List.of("/q/health", "/q/health/", "/q/health/live", "/q/health/ready", "/q/health/started")) {
            assertTrue(OpenPaths.isHealth(open), open);
        }
        for (String open : List.of("/v1/discovery/" + TOKEN, "/v1/discovery/" + TOKEN + "/", "/v1/discovery/" + TOKEN + "/_config/size",
                "/v1/discovery/" + TOKEN + "/8e4d1f00aa")) {
            assertTrue(OpenPaths.isDiscoveryToken(open), open);
        }
    }

    @Test
    void everythingElseNeedsTheToken() {
        for (String closed : List.of("/q/healthz", "/q/health-ui", "/q/openapi", "/q/metrics", "/q/swagger-ui", "/q/health/../openapi",
                "/v1/discovery/new", "/v1/discovery/new/", "/v1/discovery/new;size=3", "/v1/discovery/" + TOKEN.toUpperCase(),
                "/v1/discovery/" + TOKEN + "0", "/v1/discovery/" + TOKEN + ";x", "/v1/discovery", "/v1/renderings", "/", "")) {
            assertFalse(OpenPaths.isHealth(closed) || OpenPaths.isDiscoveryToken(closed), closed);
        }
        assertFalse(OpenPaths.isHealth(null) || OpenPaths.isDiscoveryToken(null));
    }
}
