/** The replicas of a service: which processes serve it, where, and what each holds. */
package io.coreswarm.api.replica;
