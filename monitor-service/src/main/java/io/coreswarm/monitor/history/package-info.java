/**
 * Health history: every poll of every cluster as a compact point (status, members and nodes up,
 * those not up), kept raw for a while and in one-minute and one-hour buckets after, bounded in
 * memory and on disk ({@code <data-dir>/history}), read back on start. Uses only the root package
 * and {@code targets}.
 */
package io.coreswarm.monitor.history;
