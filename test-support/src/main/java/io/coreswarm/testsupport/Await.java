package io.coreswarm.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polls until a value satisfies a condition, with no fixed sleeps in the tests that use it. When
 * time runs out it fails with the last value seen and, as the cause, the last failure of the probe,
 * so a timeout always says what was wrong rather than only that it took too long.
 */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(200);

    private Await() {
    }

    /** Returns the first value of {@code probe} that {@code done} accepts. */
    public static <T> T until(String what, Duration limit, Callable<T> probe, Predicate<? super T> done) {
        Instant end = Instant.now().plus(limit);
        T last = null;
        Exception lastFailure = null;
        while (true) {
            try {
                last = probe.call();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            if (!Instant.now().isBefore(end)) {
                break;
            }
            sleep(what);
        }
        AssertionError error = new AssertionError("not within " + limit.toSeconds() + "s: " + what
                + "; last seen: " + (lastFailure != null ? lastFailure : last));
        if (lastFailure != null) {
            error.initCause(lastFailure);
        }
        throw error;
    }

    /** Waits until {@code condition} holds. */
    public static void until(String what, Duration limit, Callable<Boolean> condition) {
        until(what, limit, condition, Boolean.TRUE::equals);
    }

    /** Waits until {@code action} completes without throwing (an assertion block, say); rethrows its last failure. */
    public static void succeeds(String what, Duration limit, ThrowingRunnable action) {
        until(what, limit, () -> {
            action.run();
            return true;
        });
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void sleep(String what) {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted awaiting " + what, e);
        }
    }
}
