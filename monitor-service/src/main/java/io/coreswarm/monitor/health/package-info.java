/**
 * Judging a poll and keeping what was judged: the rules (HEALTHY, DEGRADED, DOWN, UNKNOWN and the
 * reasons), one poll's {@link io.coreswarm.monitor.health.Snapshot}, the board of every target's
 * last snapshot, the events between two snapshots and their log, the Prometheus gauges, the
 * {@code docker info}-like text, and the monitor's own readiness. With etcd the last poll
 * ({@code LatestHealth}) and the events ({@code Events}) are shared by the replicas. Runs no probe itself.
 */
package io.coreswarm.monitor.health;
