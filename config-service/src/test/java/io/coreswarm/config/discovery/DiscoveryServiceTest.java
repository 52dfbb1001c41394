package io.coreswarm.config.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DiscoveryServiceTest {
    private final DiscoveryStore store = new DiscoveryStore();

    private static DiscoveryConfig config(String baseUrl) {
        return new DiscoveryConfig() {
            @Override
            public Optional<URI> baseUrl() {
                return Optional.ofNullable(baseUrl).map(URI::create);
            }

            @Override
            public Duration waitTimeout() {
                return Duration.ofSeconds(60);
            }
        };
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void tokenUrlsAreUnderTheRequestBaseAndRegisterTheSize() {
        DiscoveryService service = new DiscoveryService(store, config(null));
        String url = service.newTokenUrl(5, URI.create("http://127.0.0.1:8081/"));
        assertTrue(url.matches("http://127\\.0\\.0\\.1:8081/v1/discovery/[0-9a-f]{32}"), url);
        assertEquals("5", store.get(KeyPath.of(token(url), "_config/size"), false).response().node().value());
        assertNotEquals(url, service.newTokenUrl(5, URI.create("http://127.0.0.1:8081/")));
    }

    @Test
    void aConfiguredBaseUrlWinsWithOrWithoutATrailingSlash() {
        URI request = URI.create("http://localhost:8081/");
        assertTrue(new DiscoveryService(store, config("http://10.0.0.1:8081")).newTokenUrl(3, request)
                .startsWith("http://10.0.0.1:8081/v1/discovery/"));
        assertTrue(new DiscoveryService(store, config("http://10.0.0.1:8081/coreswarm/")).newTokenUrl(3, request)
                .startsWith("http://10.0.0.1:8081/coreswarm/v1/discovery/"));
    }
}
