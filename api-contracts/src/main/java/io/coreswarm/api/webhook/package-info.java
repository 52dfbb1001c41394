/**
 * monitor-service's webhooks: receivers that get every health event (or those a filter picks) as a
 * signed HTTP POST, and the record of each delivery. See docs/monitor-service.md for the signature.
 */
package io.coreswarm.api.webhook;
