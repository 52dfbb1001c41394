package io.coreswarm.monitor.docker;

import java.util.List;
import java.util.Map;

import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.api.health.SwarmNodeHealth;

/**
 * What one poll learned of a target's swarm.
 *
 * @param flavour           mode or classic; null when the target has no Docker endpoints
 * @param engines           every endpoint's {@code /info}, or why it gave none
 * @param nodes             the swarm's nodes as a manager lists them; empty when no manager could
 * @param leader            the leading manager (classic: the primary), or null
 * @param managersDeclared  the manager count an engine reports in its info (Swarm mode), or null
 * @param managersAnswering engines among the endpoints that are managers and answered
 * @param problems          what kept the swarm from being read (no leader, not in a swarm, ...)
 * @param reservations      node id to what its tasks reserve (Swarm mode)
 * @param classic           the classic manager's view (classic only)
 */
public record SwarmObservation(
        SwarmFlavour flavour,
        List<EngineReport> engines,
        List<SwarmNodeHealth> nodes,
        String leader,
        Integer managersDeclared,
        int managersAnswering,
        List<String> problems,
        Map<String, Reservation> reservations,
        ClassicSwarmInfo classic) {

    public static SwarmObservation notWatched() {
        return new SwarmObservation(null, List.of(), List.of(), null, null, 0, List.of(), Map.of(), null);
    }

    public boolean watched() {
        return flavour != null && !engines.isEmpty();
    }

    /** Whether any Docker endpoint answered at all. */
    public boolean answered() {
        return engines.stream().anyMatch(EngineReport::answered);
    }

    /** "tcp://a:2375: connection refused; ..." for the endpoints that did not answer. */
    public String silence() {
        return String.join("; ", engines.stream().filter(e -> !e.answered())
                .map(e -> e.endpoint() + ": " + e.error()).toList());
    }
}
