package io.coreswarm.api.history;

import java.time.Instant;
import java.util.List;

/**
 * A cluster's health from {@code since} to {@code until}, one point per {@code stepSeconds}
 * interval that holds a poll (intervals without one are left out). Older intervals come from
 * coarser kept buckets, so a point may merge more time than one step.
 */
public record ClusterHistory(String cluster, Instant since, Instant until, long stepSeconds, List<HistoryPoint> points) {
}
