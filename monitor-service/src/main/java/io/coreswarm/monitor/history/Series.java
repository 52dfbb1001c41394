package io.coreswarm.monitor.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.coreswarm.api.history.HistoryPoint;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One cluster's history in three tiers: raw polls, one-minute and one-hour buckets. Every poll
 * goes into all three; a query takes each stretch of time from the finest tier that still holds it,
 * so no poll is counted twice nor left out.
 */
final class Series {
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration HOUR = Duration.ofHours(1);
    final Tier raw;
    final Tier minutes;
    final Tier hours;
    private boolean changed;

    Series(HistoryConfig config) {
        raw = new Tier(0, config.rawPoints(), MINUTE.toMillis());
        minutes = new Tier(MINUTE.toMillis(), config.minutePoints(), HOUR.toMillis());
        hours = new Tier(HOUR.toMillis(), config.hourPoints(), 0);
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
        // each stretch from the finest tier that holds it. Every poll went into every tier, so a finer
        // tier that starts after the coarser one has dropped its older polls; it was trimmed to a
        // coarse bucket's start, from where it takes over.
        Instant rawFrom = floor(raw.first(), MINUTE);
        Instant minutesFrom = floor(minutes.first(), HOUR);
        boolean rawDropped = rawFrom != null && minutes.first() != null && rawFrom.isAfter(minutes.first());
        boolean minutesDropped = minutesFrom != null && hours.first() != null && minutesFrom.isAfter(hours.first());
        List<HistoryPoint> source = new ArrayList<>();
        if (minutesDropped) {
            for (HistoryPoint p : hours.points()) {
                if (p.time().isBefore(minutesFrom) && p.time().plus(HOUR).isAfter(since)) {
                    source.add(p);
                }
            }
        }
        if (rawDropped) {
            for (HistoryPoint p : minutes.points()) {
                if (p.time().isBefore(rawFrom) && p.time().plus(MINUTE).isAfter(since)) {
                    source.add(p);
                }
            }
        }
        for (HistoryPoint p : raw.points()) {
            if (!p.time().isBefore(since)) {
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

    private static Instant floor(Instant t, Duration width) {
        return t == null ? null : Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), width.toMillis()) * width.toMillis());
    }

    /** The file's shape. */
    @RegisterForReflection // read and written by Jackson, also in a native image
    record Saved(List<HistoryPoint> raw, List<HistoryPoint> minutes, List<HistoryPoint> hours) {
    }
}
