package io.coreswarm.api.history;

import java.time.Instant;
import java.util.List;

import io.coreswarm.api.health.HealthStatus;

/**
 * The polls of one interval, merged: the worst status seen, how many polls there were and how
 * many of them found the cluster HEALTHY, the fewest members and nodes up against the most known,
 * and every member or node that was not up at some poll (at most {@value #MAX_NOT_UP}).
 *
 * @param time the start of the interval
 */
public record HistoryPoint(
        Instant time,
        HealthStatus status,
        int samples,
        int healthy,
        int etcdUp,
        int etcdMembers,
        int swarmUp,
        int swarmNodes,
        List<NodeState> notUp) {

    public static final int MAX_NOT_UP = 50;
}
