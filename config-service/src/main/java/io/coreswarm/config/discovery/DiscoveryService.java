package io.coreswarm.config.discovery;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

/** Mints discovery tokens: a 128-bit random name, registered in the store with its cluster size. */
@ApplicationScoped
public class DiscoveryService {
    public static final int DEFAULT_SIZE = 3;
    public static final int MAX_SIZE = 99;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final TokenStore store;
    private final DiscoveryConfig config;
    private final RequestHosts hosts;

    DiscoveryService(TokenStore store, DiscoveryConfig config) {
        this.store = store;
        this.config = config;
        this.hosts = new RequestHosts(config.allowedHosts().orElse(List.of()));
    }

    /**
     * Mints a token for a cluster of {@code size} members and returns its URL under the configured
     * base URL, or under {@code requestBase} (the URL this service was called on) when none is set
     * and its host is one this machine answers to (see {@link RequestHosts}; a 400 problem naming
     * {@code Host} otherwise, and nothing minted).
     */
    public String newTokenUrl(int size, URI requestBase) {
        return newTokenUrl(size, requestBase, UnaryOperator.identity());
    }

    /**
     * As {@link #newTokenUrl(int, URI)}, the checked request base turned by {@code asSeenByNodes}
     * into the URL nodes reach (the local target's nodes reach this host at their gateway).
     */
    public String newTokenUrl(int size, URI requestBase, UnaryOperator<URI> asSeenByNodes) {
        URI base = config.baseUrl().orElseGet(() -> asSeenByNodes.apply(hosts.check(requestBase)));
        String token;
        do {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
        } while (!store.createToken(token, size));
        String url = base.toString();
        return (url.endsWith("/") ? url : url + "/") + "v1/discovery/" + token;
    }
}
