package io.coreswarm.monitor.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a value satisfies a condition; fails with the last value seen. No fixed sleeps. */
public final class Await {
    private Await() {
    }

    public static <T> T until(String what, Duration limit, Supplier<T> probe, Predicate<T> done) {
        Instant end = Instant.now().plus(limit);
        T last = null;
        RuntimeException lastFailure = null;
        while (Instant.now().isBefore(end)) {
            try {
                last = probe.get();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted awaiting " + what, e);
            }
        }
        AssertionError error = new AssertionError("not within " + limit.toSeconds() + "s: " + what + "; last seen: " + last);
        if (lastFailure != null) {
            error.initCause(lastFailure);
        }
        throw error;
    }
}
