package io.coreswarm.api.auth;

import java.util.regex.Pattern;

/**
 * The paths answered without the API token. Decided on the path as the router matches it (dot
 * segments removed), and only on exact shapes, so that anything else, however spelled, needs the
 * token.
 */
final class OpenPaths {
    /** SmallRye Health's {@code /q/health}, {@code /q/health/live}, {@code /ready}, {@code /started}. */
    private static final Pattern HEALTH = Pattern.compile("/q/health(/(live|ready|started|group(/[A-Za-z0-9_-]+)?|wellness))?/?");
    /**
     * A minted discovery token (32 lower-case hex characters, see config-service's DiscoveryService)
     * and any key under it: what etcd's {@code --discovery} calls from the nodes. Minting, {@code
     * /v1/discovery/new}, is not one of them.
     */
    private static final Pattern DISCOVERY_TOKEN = Pattern.compile("/v1/discovery/[0-9a-f]{32}(/.*)?");

    /**
     * The dashboard's page and its script and style (monitor-service): open, as they hold no data;
     * what the page then reads from the API needs the token (its cookie, see {@code ApiGate}).
     */
    private static final Pattern DASHBOARD_ASSET = Pattern.compile("/(index\\.html|dashboard\\.(js|css))?");

    private OpenPaths() {
    }

    static boolean isDashboardAsset(String path) {
        return path != null && DASHBOARD_ASSET.matcher(path).matches();
    }

    static boolean isHealth(String path) {
        return path != null && HEALTH.matcher(path).matches();
    }

    static boolean isDiscoveryToken(String path) {
        return path != null && DISCOVERY_TOKEN.matcher(path).matches();
    }
}
