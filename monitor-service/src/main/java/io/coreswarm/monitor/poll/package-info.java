/**
 * Running the probes: every target this replica polls on the scheduler's tick (all of them with
 * files; with etcd its share, claimed under its lease: {@code PollShare}), each on its own thread, its polls never
 * overlapping; one poll asks etcd and the swarm at once through the probes of the target's API and
 * flavour, then records the judged snapshot. Also keeps each target's clients from poll to poll.
 */
package io.coreswarm.monitor.poll;
