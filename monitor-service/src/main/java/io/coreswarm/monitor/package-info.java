/**
 * monitor-service: watches clusters (etcd and Docker Swarm) and says whether they are healthy.
 * This root package owns what every other package may use and that uses none of them: the
 * configuration ({@link io.coreswarm.monitor.MonitorConfig}), failures put into short words
 * ({@link io.coreswarm.monitor.Failures}) and the native-image registration of docker-java's model.
 * <p>
 * The packages, bottom to top (each uses only those below it; {@code PackageCyclesTest} checks it):
 * {@code targets} (what is watched, stored), {@code etcd} and {@code docker} (the probes),
 * {@code health} (judging a poll, and keeping the results: board, events, metrics),
 * {@code history} (health over time, downsampled) and {@code webhook} (signed deliveries of the
 * events, with its own resource), {@code poll} (running the probes on a schedule), {@code watch}
 * (the HTTP side of targets, health and history). See docs/monitor-service.md.
 */
package io.coreswarm.monitor;
