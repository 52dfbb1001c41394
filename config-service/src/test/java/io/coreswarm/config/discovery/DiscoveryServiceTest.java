package io.coreswarm.config.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.coreswarm.api.problem.ProblemException;

class DiscoveryServiceTest {
    private final DiscoveryStore store = new DiscoveryStore();

    private static DiscoveryConfig config(String baseUrl, String... allowedHosts) {
        return new DiscoveryConfig() {
            @Override
            public Optional<URI> baseUrl() {
                return Optional.ofNullable(baseUrl).map(URI::create);
            }

            @Override
            public Optional<List<String>> allowedHosts() {
                return allowedHosts.length == 0 ? Optional.empty() : Optional.of(List.of(allowedHosts));
            }

            @Override
            public Duration waitTimeout() {
                return Duration.ofSeconds(60);
            }

            @Override
            public Limits limits() {
                throw new UnsupportedOperationException("the store is built with its defaults here");
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

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8081/", "http://127.0.0.1/", "http://[::1]:8081/", "http://LOCALHOST.:1/",
            "https://localhost:8443/" })
    void theRequestBaseIsUsedWhenItNamesThisMachine(String base) {
        String url = new DiscoveryService(store, config(null)).newTokenUrl(3, URI.create(base));
        assertTrue(url.matches("https?://[^/]+/v1/discovery/[0-9a-f]{32}"), url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://evil.example.com/", "http://evil.example.com:8081/", "http://10.255.255.254:8081/",
            "http://user@localhost:8081/", "ftp://localhost/", "http:/v1/" })
    void anyOtherRequestBaseIsAProblemNamingHostAndMintsNothing(String base) {
        int before = store.tokenCount();
        ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> new DiscoveryService(store, config(null)).newTokenUrl(3, URI.create(base)));
        assertEquals(400, e.problem().status());
        assertEquals("Host", e.problem().violations().get(0).field());
        assertEquals(before, store.tokenCount(), "nothing minted");
    }

    @Test
    void aHostOfTheAllowListIsUsedAndAConfiguredBaseUrlIgnoresTheHostHeader() {
        assertTrue(new DiscoveryService(store, config(null, "coreswarm.lab", "10.0.0.7"))
                .newTokenUrl(3, URI.create("http://CoreSwarm.Lab:8081/")).startsWith("http://CoreSwarm.Lab:8081/v1/discovery/"));
        assertTrue(new DiscoveryService(store, config(null, "coreswarm.lab", "10.0.0.7"))
                .newTokenUrl(3, URI.create("http://10.0.0.7/")).startsWith("http://10.0.0.7/v1/discovery/"));
        assertTrue(new DiscoveryService(store, config("http://10.0.0.1:8081"))
                .newTokenUrl(3, URI.create("http://evil.example.com/")).startsWith("http://10.0.0.1:8081/v1/discovery/"));
    }
}
