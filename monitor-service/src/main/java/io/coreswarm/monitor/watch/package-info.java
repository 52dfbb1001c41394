/**
 * The HTTP side of the monitor: the target and cluster-health resources, and
 * {@link io.coreswarm.monitor.watch.Targets}, the one place a target is added, changed or removed
 * together with everything that hangs on it (its file, board entry, events, metrics, polls and
 * clients). Answers from the last poll only (in memory, or in etcd whichever replica polled): asking
 * never waits on a cluster.
 */
package io.coreswarm.monitor.watch;
