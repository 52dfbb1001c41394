package io.coreswarm.monitor.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.coreswarm.api.history.HistoryApi;
import io.coreswarm.api.problem.ProblemException;

/**
 * The {@code since} and {@code step} of a history query, read and bounded: {@code since} an RFC
 * 3339 time or a duration back from now (default 1h), not in the future, not before what is kept;
 * {@code step} a duration (default 1m) of at most a day, giving at most {@value #MAX_POINTS} points.
 * Each break is a 400 problem naming the parameter.
 */
record HistoryQuery(Instant since, Duration step) {
    static final int MAX_POINTS = 2000;
    static final Duration MAX_STEP = Duration.ofDays(1);

    static HistoryQuery read(String since, String step, Instant now, Instant oldest) {
        Instant from = since == null || since.isBlank() ? now.minus(Duration.ofHours(1)) : since(since, now);
        if (from.isAfter(now)) {
            throw ProblemException.invalid("since", "must not be in the future");
        }
        if (from.isBefore(oldest)) {
            throw ProblemException.invalid("since", "must be within the kept history, at most "
                    + Duration.between(oldest, now).toHours() + "h back (coreswarm.monitor.history.hour-points)");
        }
        Duration width = step == null || step.isBlank() ? Duration.ofMinutes(1) : duration(step, "step");
        if (width.compareTo(MAX_STEP) > 0) {
            throw ProblemException.invalid("step", "must be at most 1d");
        }
        long points = Duration.between(from, now).toMillis() / width.toMillis() + 1;
        if (points > MAX_POINTS) {
            throw ProblemException.invalid("step", "would make " + points + " points; at most " + MAX_POINTS
                    + ": take a larger step or a later since");
        }
        return new HistoryQuery(from, width);
    }

    private static Instant since(String since, Instant now) {
        if (since.matches(HistoryApi.DURATION)) {
            return now.minus(duration(since, "since"));
        }
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("since", "must be an RFC 3339 time (2026-11-30T12:00:00Z) or a duration back from now (30m, 6h, 2d)");
        }
    }

    static Duration duration(String text, String field) {
        if (!text.matches(HistoryApi.DURATION)) {
            throw ProblemException.invalid(field, "must be a whole number and a unit: 30s, 5m, 1h, 1d");
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
