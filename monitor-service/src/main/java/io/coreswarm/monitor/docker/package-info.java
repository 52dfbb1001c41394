/**
 * Reading a cluster's Docker engines and swarm: one {@link io.coreswarm.monitor.docker.SwarmProbe}
 * per {@link io.coreswarm.api.health.SwarmFlavour} (Swarm mode through {@code /nodes}, a classic
 * manager through its {@code docker info}), picked by {@link io.coreswarm.monitor.docker.SwarmProbes};
 * the Docker client factory; the node words as enums (role, state, reachability, availability,
 * classic status and role); and what one look found
 * ({@link io.coreswarm.monitor.docker.SwarmObservation}). Does not judge it.
 */
package io.coreswarm.monitor.docker;
