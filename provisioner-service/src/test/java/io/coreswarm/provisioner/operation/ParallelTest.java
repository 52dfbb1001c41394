package io.coreswarm.provisioner.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelTest {
    @TempDir
    Path root;

    @Test
    void branchesRunAtOnce() throws Exception {
        OperationContext op = new Fixture(root).context("c", "op-1");
        CountDownLatch allStarted = new CountDownLatch(3);
        Step.Body meet = o -> {
            allStarted.countDown();
            // only returns if every branch got here, i.e. none waited for another to end
            if (!allStarted.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the branches ran one after another");
            }
        };
        Parallel.all(meet, meet, meet).run(op);
    }

    @Test
    void theFirstFailureCancelsTheRestAndIsWhatTheStepFailsWith() throws Exception {
        OperationContext op = new Fixture(root).context("c", "op-1");
        AtomicReference<Throwable> waiterEnded = new AtomicReference<>();
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        Instant start = Instant.now();

        Exception failure = assertThrows(Exception.class, () -> Parallel.all(
                o -> {
                    // a wait that would take a minute
                    try {
                        for (int i = 0; i < 600; i++) {
                            o.pause(100);
                        }
                    } catch (RuntimeException e) {
                        waiterEnded.set(e);
                        throw e;
                    }
                },
                o -> {
                    // a process, as vagrant would be
                    o.attach(sleeper);
                    sleeper.waitFor();
                    o.throwIfCancelled();
                },
                o -> {
                    Thread.sleep(300);
                    throw new IllegalStateException("swarm join of core-02 failed");
                }).run(op));

        assertInstanceOf(IllegalStateException.class, failure, "the failure, not the cancellations it caused");
        assertEquals("swarm join of core-02 failed", failure.getMessage());
        assertInstanceOf(OperationCancelled.class, waiterEnded.get(), "the waiting branch was cancelled");
        assertTrue(sleeper.waitFor(15, TimeUnit.SECONDS));
        assertFalse(sleeper.isAlive(), "the other branch's process was stopped");
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 20, "nothing waited for its own end");
    }

    @Test
    void aCancelFromOutsideEndsEveryBranchCancelled() {
        OperationContext op = new Fixture(root).context("c", "op-1");
        Step.Body waitLong = o -> {
            for (int i = 0; i < 600; i++) {
                o.pause(100);
            }
        };
        new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            op.cancel();
        }).start();
        assertThrows(OperationCancelled.class, () -> Parallel.all(waitLong, waitLong).run(op));
    }

    @Test
    void branchesThatSucceedLeaveNothingToReport() throws Exception {
        OperationContext op = new Fixture(root).context("c", "op-1");
        Parallel.all(o -> { }, o -> o.log("done")).run(op);
        op.throwIfCancelled();
    }
}
