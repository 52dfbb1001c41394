/**
 * monitor-service's contract: the targets it watches and what it sees of them (health, quorums, members, nodes, events).
 */
package io.coreswarm.api.health;
