/**
 * Self-hosted etcd discovery: tokens, each a small etcd v2 key tree with its event history, and long polls that park no thread.
 * Kept behind {@link io.coreswarm.config.discovery.TokenStore}: in memory ({@link io.coreswarm.config.discovery.DiscoveryStore},
 * {@code coreswarm.store=files}) or in etcd ({@link io.coreswarm.config.discovery.EtcdTokenStore}, {@code coreswarm.store=etcd}),
 * where any replica answers any token.
 */
package io.coreswarm.config.discovery;
