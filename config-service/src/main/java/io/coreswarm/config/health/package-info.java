/** Readiness: what must work for this service to be worth sending requests to. */
package io.coreswarm.config.health;
