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

    /** Returns the first value of {@code probe} that {@code done} accepts, asking every 200 ms. */
    public static <T> T until(String what, Duration limit, Callable<T> probe, Predicate<? super T> done) {
        return until(what, limit, POLL, probe, done);
    }

    /**
     * As {@link #until(String, Duration, Callable, Predicate)}, asking every {@code poll}: shorter to
     * catch a brief state, longer where a condition must hold across polls. A probe that throws (an
     * exception or a failed assertion) has not succeeded yet; its last failure is the timeout's cause.
     */
    public static <T> T until(String what, Duration limit, Duration poll, Callable<T> probe, Predicate<? super T> done) {
        Instant end = Instant.now().plus(limit);
        T last = null;
        Throwable lastFailure = null;
        while (true) {
            try {
                last = probe.call();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception | AssertionError e) {
                lastFailure = e;
            }
            if (!Instant.now().isBefore(end)) {
                break;
            }
            sleep(what, poll);
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

    private static void sleep(String what, Duration poll) {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted awaiting " + what, e);
        }
    }
}
