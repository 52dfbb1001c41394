/**
 * Reading a cluster's etcd: one {@link io.coreswarm.monitor.etcd.EtcdProbe} per
 * {@link io.coreswarm.api.health.EtcdApi} (v3 through jetcd, v2 over HTTP), picked by
 * {@link io.coreswarm.monitor.etcd.EtcdProbes}; the clients of a target's etcd; and what one look
 * found ({@link io.coreswarm.monitor.etcd.EtcdObservation}). Does not judge it.
 */
package io.coreswarm.monitor.etcd;
