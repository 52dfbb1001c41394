/** Prometheus counters of what config-service is asked to do, served at {@code /q/metrics} with the API token. */
package io.coreswarm.config.metrics;
