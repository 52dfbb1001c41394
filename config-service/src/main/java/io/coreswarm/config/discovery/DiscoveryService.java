package io.coreswarm.config.discovery;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** Self-hosted etcd discovery (the v2 protocol of the public discovery service). */
@ApplicationScoped
public class DiscoveryService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();

    /** Mints a token for a cluster of {@code size} members and returns its URL under {@code base}. */
    public String newTokenUrl(int size, URI base) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        sizes.put(token, size);
        return base.resolve("v1/discovery/" + token).toString();
    }
}
