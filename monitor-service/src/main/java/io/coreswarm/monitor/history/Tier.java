package io.coreswarm.monitor.history;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.coreswarm.api.history.HistoryPoint;

/**
 * Points of one resolution, at most {@code capacity}, oldest dropped first. With a width, a point
 * joins the bucket it falls in (buckets start at multiples of the width since the epoch); without
 * one (width 0), every point is kept as it came. Dropping goes on to the next multiple of
 * {@code alignMillis} (the next coarser tier's width), so that what this tier holds starts where a
 * bucket of the coarser one does: a query then takes whole coarse buckets up to there and this
 * tier's points after, neither counting a poll twice nor leaving one out.
 */
final class Tier {
    private final long widthMillis;
    private final int capacity;
    private final long alignMillis;
    private final Deque<HistoryPoint> points = new ArrayDeque<>();

    Tier(long widthMillis, int capacity, long alignMillis) {
        this.widthMillis = widthMillis;
        this.capacity = capacity;
        this.alignMillis = alignMillis;
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
        trim();
    }

    private void trim() {
        HistoryPoint last = null;
        while (points.size() > capacity) {
            last = points.removeFirst();
        }
        if (last != null && alignMillis > 0) {
            long next = (Math.floorDiv(last.time().toEpochMilli(), alignMillis) + 1) * alignMillis;
            while (!points.isEmpty() && points.peekFirst().time().toEpochMilli() < next) {
                points.removeFirst();
            }
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
        trim();
    }
}
