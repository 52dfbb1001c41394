package io.coreswarm.monitor.etcd;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The client URLs an etcd answer lists (in {@code /v2/members}, or v3's member list) are the
 * member's word, not the target's: they may name any host, path or query. The monitor follows one
 * only when it is one of the endpoints the target declares ({@code http(s)://host:port}, scheme and host
 * compared without case; at most a trailing {@code /}, no user, query or fragment), and then
 * calls the declared endpoint, never the listed text. A member whose URL is not declared is
 * shown without an endpoint and marked unreachable ("not followed").
 */
public final class DeclaredEndpoints {
    public static final String NOT_FOLLOWED = "its client URL is not one of the target's etcd endpoints: not followed";

    private final Set<String> declared;

    public DeclaredEndpoints(List<String> endpoints) {
        this.declared = endpoints.stream().map(DeclaredEndpoints::key).filter(k -> k != null).collect(Collectors.toUnmodifiableSet());
    }

    /** The declared endpoint (scheme, host, port) the listed URL names, if it names one. */
    public Optional<String> follow(String listed) {
        String key = key(listed);
        return key != null && declared.contains(key) ? Optional.of(key) : Optional.empty();
    }

    private static String key(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            String path = u.getRawPath();
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getPort() < 1 || u.getRawUserInfo() != null
                    || u.getRawQuery() != null || u.getRawFragment() != null || (path != null && !path.isEmpty() && !path.equals("/"))) {
                return null;
            }
            // the scheme is part of the match: a member listing http:// for a declared https:// endpoint is not followed
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + u.getPort();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
