/**
 * Health history: every poll of every cluster as a compact point (status, members and nodes up,
 * those not up), kept raw for a while and in one-minute and one-hour buckets after, bounded in
 * memory and on disk ({@code <data-dir>/history}) or in etcd ({@code monitor/history/}), read back on
 * start or when a replica takes a target over. Uses only the root package, {@code targets} and the
 * store module.
 */
package io.coreswarm.monitor.history;
