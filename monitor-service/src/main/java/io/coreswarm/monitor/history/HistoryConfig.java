package io.coreswarm.monitor.history;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much health history is kept per cluster: every poll for a while, then one point per minute,
 * then one per hour. The counts bound memory and disk alike.
 */
@ConfigMapping(prefix = "coreswarm.monitor.history")
public interface HistoryConfig {

    /** Polls kept as they were (at a 5s poll interval, 720 is the last hour). */
    @WithDefault("720")
    @Min(1)
    int rawPoints();

    /** One-minute points kept (1440: a day). */
    @WithDefault("1440")
    @Min(1)
    int minutePoints();

    /** One-hour points kept (720: thirty days); also how far back {@code since} may reach. */
    @WithDefault("720")
    @Min(1)
    int hourPoints();

    /** How often changed histories are written to {@code <data-dir>/history} (and once at shutdown). */
    @WithDefault("60s")
    Duration flushInterval();
}
