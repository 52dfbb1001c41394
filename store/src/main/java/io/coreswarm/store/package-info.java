/**
 * Where the services keep their state. {@code coreswarm.store=files} (the default) keeps today's
 * files on one host; {@code etcd} keeps it in an etcd cluster so that several replicas of each
 * service share it. {@link io.coreswarm.store.StateStore} says which; {@link io.coreswarm.store.EtcdStore}
 * is the one jetcd client of a process; {@link io.coreswarm.store.LeaseKeeper} keeps the process's
 * lease; {@link io.coreswarm.store.Claims} are keys held under it (a target polled, a cluster
 * locked); {@link io.coreswarm.store.ReplicaRegistry} says which replicas are alive.
 */
package io.coreswarm.store;
