package io.coreswarm.monitor;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "coreswarm.monitor")
public interface MonitorConfig {

    /** Where targets ({@code targets/<name>.json}) and their events ({@code events/<name>.jsonl}) are kept. */
    @WithDefault("${user.home}/.coreswarm/monitor")
    Path dataDir();

    /** How often every target is polled; the scheduler reads the same property. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Connecting to one etcd member or Docker engine; a dead host costs a poll no more than this. */
    @WithDefault("1s")
    Duration connectTimeout();

    /** One answer from an etcd member or Docker engine. */
    @WithDefault("2s")
    Duration responseTimeout();

    /** Events kept in memory per target (all of them are appended to its file). */
    @WithDefault("1000")
    int eventsKept();
}
