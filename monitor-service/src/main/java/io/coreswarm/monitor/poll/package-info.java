/**
 * Running the probes: every target on the scheduler's tick, each on its own thread, its polls never
 * overlapping; one poll asks etcd and the swarm at once through the probes of the target's API and
 * flavour, then records the judged snapshot. Also keeps each target's clients from poll to poll.
 */
package io.coreswarm.monitor.poll;
