/**
 * Long-running changes to a cluster as resources: their kind, state, progress, log and cancellation.
 */
package io.coreswarm.api.operation;
