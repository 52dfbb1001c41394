package io.coreswarm.monitor.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.coreswarm.api.history.HistoryPoint;

/**
 * One cluster's history in three tiers: raw polls, one-minute and one-hour buckets. Every poll
 * goes into all three; a query takes each stretch of time from the finest tier that still holds it,
 * so no poll is counted twice.
 */
final class Series {
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration HOUR = Duration.ofHours(1);
    final Tier raw;
    final Tier minutes;
    final Tier hours;
    private boolean changed;

    Series(HistoryConfig config) {
        raw = new Tier(0, config.rawPoints());
        minutes = new Tier(MINUTE.toMillis(), config.minutePoints());
        hours = new Tier(HOUR.toMillis(), config.hourPoints());
    }

    synchronized void add(HistoryPoint p) {
        raw.add(p);
        minutes.add(p);
        hours.add(p);
        changed = true;
    }

    /** Whether points came since the last call (and forgets that they did). */
    synchronized boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    synchronized Saved saved() {
        return new Saved(raw.points(), minutes.points(), hours.points());
    }

    synchronized void load(Saved saved) {
        raw.load(saved.raw());
        minutes.load(saved.minutes());
        hours.load(saved.hours());
    }

    /** Points from {@code since} on, merged per step (each interval starting at a multiple of the step). */
    synchronized List<HistoryPoint> query(Instant since, Duration step) {
        // each stretch from the finest tier that holds it whole: a coarse bucket that reaches into a
        // finer tier's time is taken instead of the finer points inside it (it merged the same polls)
        List<HistoryPoint> source = new ArrayList<>();
        Instant rawFrom = raw.first();
        Instant minutesFrom = minutes.first();
        Instant covered = null;
        for (HistoryPoint p : hours.points()) {
            Instant end = p.time().plus(HOUR);
            if (before(p.time(), minutesFrom) && end.isAfter(since)) {
                source.add(p);
                covered = end;
            }
        }
        for (HistoryPoint p : minutes.points()) {
            Instant end = p.time().plus(MINUTE);
            if ((covered == null || !p.time().isBefore(covered)) && before(p.time(), rawFrom) && end.isAfter(since)) {
                source.add(p);
                covered = end;
            }
        }
        for (HistoryPoint p : raw.points()) {
            if ((covered == null || !p.time().isBefore(covered)) && !p.time().isBefore(since)) {
                source.add(p);
            }
        }
        long width = step.toMillis();
        TreeMap<Long, HistoryPoint> merged = new TreeMap<>();
        for (HistoryPoint p : source) {
            long bucket = Math.floorDiv(p.time().toEpochMilli(), width) * width;
            Instant at = Instant.ofEpochMilli(bucket);
            merged.merge(bucket, Points.at(at, p), (a, b) -> Points.merge(at, a, b));
        }
        return List.copyOf(merged.values());
    }

    private static boolean before(Instant t, Instant limit) {
        return limit == null || t.isBefore(limit);
    }

    /** The file's shape. */
    record Saved(List<HistoryPoint> raw, List<HistoryPoint> minutes, List<HistoryPoint> hours) {
    }
}
