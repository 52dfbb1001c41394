package io.coreswarm.config.discovery;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

/** Mints discovery tokens: a 128-bit random name, registered in the store with its cluster size. */
@ApplicationScoped
public class DiscoveryService {
    public static final int DEFAULT_SIZE = 3;
    public static final int MAX_SIZE = 99;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final DiscoveryStore store;
    private final DiscoveryConfig config;

    DiscoveryService(DiscoveryStore store, DiscoveryConfig config) {
        this.store = store;
        this.config = config;
    }

    /**
     * Mints a token for a cluster of {@code size} members and returns its URL under the configured
     * base URL, or under {@code requestBase} (the URL this service was called on) when none is set.
     */
    public String newTokenUrl(int size, URI requestBase) {
        String token;
        do {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
        } while (!store.createToken(token, size));
        String base = config.baseUrl().orElse(requestBase).toString();
        return (base.endsWith("/") ? base : base + "/") + "v1/discovery/" + token;
    }
}
