package io.coreswarm.config.discovery;

import java.time.Duration;

/**
 * Bounds on what callers can make the discovery store hold, each answered at its cap with a 4xx
 * problem (never etcd's error shape: etcd's discovery client never comes near them). Sizes are in
 * characters, and the memory of keys and history is estimated from their characters plus a fixed
 * overhead per entry.
 */
public record DiscoveryLimits(Duration maxTtl, int maxKeyDepth, int maxKeyLength, int maxValueLength,
        int maxKeysPerToken, int maxWaitersPerToken, int maxTokens, long maxTotalBytes, Duration idleBeforeEviction) {

    /** The configuration's defaults, for tests that build a store by hand. */
    public static final DiscoveryLimits DEFAULTS = new DiscoveryLimits(Duration.ofDays(7), 16, 512, 4096, 256, 256,
            10_000, 64L * 1024 * 1024, Duration.ofMinutes(10));

    static DiscoveryLimits of(DiscoveryConfig.Limits c) {
        return new DiscoveryLimits(c.maxTtl(), c.maxKeyDepth(), c.maxKeyLength(), c.maxValueLength(),
                c.maxKeysPerToken(), c.maxWaitersPerToken(), c.maxTokens(), c.maxTotalBytes(), c.idleBeforeEviction());
    }
}
