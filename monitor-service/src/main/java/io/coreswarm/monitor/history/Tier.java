package io.coreswarm.monitor.history;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.coreswarm.api.history.HistoryPoint;

/**
 * Points of one resolution, at most {@code capacity}, oldest dropped first. With a width, a point
 * joins the bucket it falls in (buckets start at multiples of the width since the epoch); without
 * one (width 0), every point is kept as it came.
 */
final class Tier {
    private final long widthMillis;
    private final int capacity;
    private final Deque<HistoryPoint> points = new ArrayDeque<>();

    Tier(long widthMillis, int capacity) {
        this.widthMillis = widthMillis;
        this.capacity = capacity;
    }

    void add(HistoryPoint p) {
        if (widthMillis == 0) {
            points.addLast(p);
        } else {
            Instant bucket = Instant.ofEpochMilli(Math.floorDiv(p.time().toEpochMilli(), widthMillis) * widthMillis);
            HistoryPoint last = points.peekLast();
            if (last != null && last.time().equals(bucket)) {
                points.removeLast();
                points.addLast(Points.merge(bucket, last, p));
            } else if (last == null || last.time().isBefore(bucket)) {
                points.addLast(Points.at(bucket, p));
            }
            // a point older than the last bucket (the clock went back) is left out rather than reordering
        }
        while (points.size() > capacity) {
            points.removeFirst();
        }
    }

    /** The start of the oldest point kept, or null. */
    Instant first() {
        HistoryPoint p = points.peekFirst();
        return p == null ? null : p.time();
    }

    List<HistoryPoint> points() {
        return List.copyOf(points);
    }

    void load(List<HistoryPoint> saved) {
        points.clear();
        if (saved != null) {
            saved.forEach(p -> {
                if (p != null && p.time() != null && p.status() != null && p.notUp() != null) {
                    points.addLast(p);
                }
            });
        }
        while (points.size() > capacity) {
            points.removeFirst();
        }
    }
}
