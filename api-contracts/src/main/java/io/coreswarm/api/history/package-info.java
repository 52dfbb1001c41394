/**
 * monitor-service's health history: per watched cluster, a downsampled time series of its health
 * and of the members and nodes that were not up.
 */
package io.coreswarm.api.history;
