package io.coreswarm.monitor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "coreswarm.monitor")
public interface MonitorConfig {

    /**
     * Where targets ({@code targets/<name>.json}), their events ({@code events/<name>.jsonl}),
     * their history ({@code history/<name>.json}) and webhooks ({@code webhooks/}) are kept.
     */
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

    /**
     * The size past which a target's event file is rotated ({@code <name>.jsonl} becomes
     * {@code <name>.1.jsonl}, and so on); 10 MiB by default.
     */
    @WithDefault("10485760")
    long eventFileMaxBytes();

    /** Rotated event files kept per target besides the current one; older ones are deleted. */
    @WithDefault("3")
    int eventFilesKept();

    /** Targets watched at most; a new one beyond is a 409 problem (each target costs threads and memory). */
    @WithDefault("100")
    int maxTargets();

    /** Docker endpoints, and etcd endpoints, one target may list (each list on its own). */
    @WithDefault("99")
    int maxEndpointsPerTarget();

    /** Docker and etcd endpoints of all targets together. */
    @WithDefault("1000")
    int maxEndpoints();

    /**
     * The networks (CIDR) an endpoint's address may lie in: loopback and the private ranges where
     * node networks live. Anything else is refused, so that the monitor cannot be pointed at
     * arbitrary hosts (and its refusal and timeout reasons are no port scanner for them).
     */
    @WithDefault("127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7")
    List<String> allowedNetworks();

    /** Host names an endpoint may use (besides addresses in {@link #allowedNetworks()}); {@code localhost} by default. */
    @WithDefault("localhost")
    List<String> allowedHosts();
}
