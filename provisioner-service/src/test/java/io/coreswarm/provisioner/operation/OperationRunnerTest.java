package io.coreswarm.provisioner.operation;

import static io.coreswarm.provisioner.support.Processes.stopped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.operation.OperationKind;
import io.coreswarm.api.operation.OperationState;
import io.coreswarm.api.operation.Progress;
import io.coreswarm.api.problem.ProblemException;

/** The runner without Quarkus: steps in order, progress and log, what the listener hears, busy, cancel, interruption. */
class OperationRunnerTest {
    static final String CLUSTER = "demo";

    @TempDir
    Path root;
    Fixture fixture;
    Heard listener;
    OperationRunner runner;

    /** What the runner reported, in order, with the operation's state as it was at each report. */
    static final class Heard implements OperationListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        Operations operations;
        String lastId;

        @Override
        public void started(String cluster, String operation, Plan plan) {
            lastId = operation;
            events.add("started " + cluster + " " + plan.kind());
        }

        @Override
        public void ended(String cluster, Plan plan, OperationState state, String error) {
            events.add("ended " + state + (error == null ? "" : " " + error) + " while the operation was " + operations.get(lastId).state());
        }

        @Override
        public void released(String cluster) {
            events.add("released " + cluster);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        fixture = new Fixture(root);
        Files.createDirectories(fixture.workspaces.of(CLUSTER).root());
        listener = new Heard();
        listener.operations = fixture.operations;
        runner = new OperationRunner(fixture.operations, fixture.workspaces, listener);
    }

    @AfterEach
    void tearDown() {
        runner.stop();
    }

    static Plan plan(Step... steps) {
        return new Plan(OperationKind.CREATE, 2, ClusterPhase.PROVISIONING, ClusterPhase.RUNNING, List.of(steps));
    }

    Operation awaitEnd(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Operation op = fixture.operations.get(id);
            // runner.start reports "started" before it returns: the last event is "released" only once this one ended
            if (op.state().finished() && !runner.busy(CLUSTER) && listener.events.get(listener.events.size() - 1).startsWith("released")) {
                return op;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("operation " + id + " did not end: " + fixture.operations.get(id));
    }

    @Test
    void stepsRunInOrderWithTheirProgressAndTheListenerHearsTheOutcomeFirst() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Operation queued = runner.start(CLUSTER, plan(
                Step.of("first", op -> {
                    seen.add("first on step " + fixture.operations.get(op.id()).progress().step());
                    op.nodeDone();
                    op.nodeDone();
                    op.nodeDone();
                    seen.add("first counted " + fixture.operations.get(op.id()).progress().nodesDone());
                }),
                Step.of("second", op -> seen.add("second on step " + fixture.operations.get(op.id()).progress()))));
        assertEquals(OperationState.QUEUED, queued.state());
        assertEquals(new Progress("queued", 0, 2), queued.progress());

        Operation done = awaitEnd(queued.id());
        assertEquals(List.of("first on step first", "first counted 2", "second on step " + new Progress("second", 0, 2)), seen);
        assertEquals(OperationState.SUCCEEDED, done.state());
        assertEquals(new Progress("done", 2, 2), done.progress());
        assertNotNull(done.startedAt());
        assertNotNull(done.finishedAt());
        assertEquals(null, done.error());
        assertEquals(List.of("started demo create", "ended succeeded while the operation was running", "released demo"), listener.events);
        String log = Files.readString(fixture.operations.log(queued.id()));
        assertTrue(log.indexOf("==> first") < log.indexOf("==> second"), log);
    }

    @Test
    void aFailedStepEndsThePlanWithItsMessage() {
        List<String> ran = new CopyOnWriteArrayList<>();
        String id = runner.start(CLUSTER, plan(
                Step.of("first", op -> ran.add("first")),
                Step.of("second", op -> {
                    throw new IllegalStateException("vagrant up failed: the name is already in use");
                }),
                Step.of("third", op -> ran.add("third")))).id();
        Operation failed = awaitEnd(id);
        assertEquals(OperationState.FAILED, failed.state());
        assertEquals("vagrant up failed: the name is already in use", failed.error());
        assertEquals("second", failed.progress().step());
        assertEquals(List.of("first"), ran);
        assertEquals("ended failed vagrant up failed: the name is already in use while the operation was running", listener.events.get(1));
    }

    @Test
    void oneOperationPerClusterAtATime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        String first = runner.start(CLUSTER, plan(Step.of("hold", op -> release.await(10, TimeUnit.SECONDS)))).id();
        assertTrue(runner.busy(CLUSTER));

        ProblemException busy = assertThrows(ClusterBusy.class, () -> runner.start(CLUSTER, plan()));
        assertEquals(409, busy.problem().status());
        assertTrue(busy.getMessage().startsWith("cluster demo is busy with operation " + first + " (create, "), busy.getMessage());
        assertThrows(ClusterBusy.class, () -> runner.ensureIdle(CLUSTER));
        runner.ensureIdle("another");

        release.countDown();
        awaitEnd(first);
        runner.ensureIdle(CLUSTER);
        assertEquals(OperationState.SUCCEEDED, awaitEnd(runner.start(CLUSTER, plan()).id()).state());
    }

    @Test
    void cancelStopsTheStepAndItsProcesses() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        CountDownLatch inStep = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        String id = runner.start(CLUSTER, plan(
                Step.of("wait", op -> {
                    op.attach(sleeper);
                    inStep.countDown();
                    op.await("something that never comes", Duration.ofMinutes(1), () -> false);
                }),
                Step.of("after", op -> ran.add("after")))).id();
        assertTrue(inStep.await(10, TimeUnit.SECONDS));

        Operation answer = runner.cancel(id);
        assertEquals(id, answer.id());
        Operation cancelled = awaitEnd(id);
        assertEquals(OperationState.CANCELLED, cancelled.state());
        assertEquals("cancelled", cancelled.error());
        assertTrue(sleeper.waitFor(15, TimeUnit.SECONDS));
        assertFalse(sleeper.isAlive());
        assertEquals(List.of(), ran);
        assertTrue(listener.events.contains("ended cancelled cancelled while the operation was running"), listener.events.toString());

        ProblemException again = assertThrows(ProblemException.class, () -> runner.cancel(id));
        assertEquals(409, again.problem().status());
        assertEquals("operation " + id + " is cancelled, not running", again.getMessage());
    }

    @Test
    void anInterruptedOperationEndsCancelledAndReleasesItsCluster() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        String id = runner.start(CLUSTER, plan(Step.of("wait", op -> {
            inStep.countDown();
            for (int i = 0; i < 600; i++) {
                op.pause(100);
            }
        }))).id();
        assertTrue(inStep.await(10, TimeUnit.SECONDS));

        runner.stop(); // as at shut-down: the operation's thread is interrupted
        Operation ended = awaitEnd(id);
        assertEquals(OperationState.CANCELLED, ended.state());
        assertFalse(runner.busy(CLUSTER));
        assertEquals("released demo", listener.events.get(listener.events.size() - 1));
    }

    @Test
    void atShutdownARunningOperationIsInterruptedAndItsProcessTreeStopped() throws Exception {
        // as vagrant runs docker: a process with a child of its own
        Process vagrant = new ProcessBuilder("sh", "-c", "sleep 300 & echo $!; wait").start();
        long child = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(vagrant.getInputStream())).readLine().strip());
        CountDownLatch inStep = new CountDownLatch(1);
        String id = runner.start(CLUSTER, plan(Step.of("up", op -> {
            op.attach(vagrant);
            inStep.countDown();
            int exit = vagrant.waitFor();
            op.throwIfCancelled();
            throw new IllegalStateException("vagrant up exited with " + exit);
        }))).id();
        assertTrue(inStep.await(10, TimeUnit.SECONDS));

        runner.interruptAll(Duration.ofSeconds(15));

        Operation interrupted = fixture.operations.get(id);
        assertEquals(OperationState.INTERRUPTED, interrupted.state());
        assertEquals(OperationRunner.INTERRUPTED_ERROR, interrupted.error());
        assertNotNull(interrupted.finishedAt());
        assertFalse(vagrant.isAlive());
        assertTrue(stopped(child), "the child is stopped too");
        // the cluster is left to the next start's reconciler, as after a crash: no outcome reported
        assertEquals(List.of("started demo create"), listener.events);
        String log = Files.readString(fixture.operations.log(id));
        assertTrue(log.contains("the provisioner is stopping: stopping the process tree"), log);
        assertTrue(log.contains("interrupted: the provisioner stopped"), log);
        // on disk as the next provisioner will read it
        assertEquals(OperationState.INTERRUPTED, fixture.workspaces
                .read(fixture.workspaces.of(CLUSTER).operations().resolve(id + ".json"), Operation.class).orElseThrow().state());
    }

    @Test
    void finishedOperationsAreTimedByKindAndState() {
        OperationMetrics metrics = new OperationMetrics();
        runner.stop();
        runner = new OperationRunner(fixture.operations, fixture.workspaces, listener, metrics);
        awaitEnd(runner.start(CLUSTER, plan(Step.of("short", op -> op.pause(200)))).id());
        awaitEnd(runner.start(CLUSTER, plan(Step.of("broken", op -> {
            throw new IllegalStateException("no");
        }))).id());

        var succeeded = metrics.registry().get("coreswarm.operation").tags("kind", "create", "state", "succeeded").timer();
        assertEquals(1, succeeded.count());
        assertTrue(succeeded.totalTime(TimeUnit.MILLISECONDS) >= 200, succeeded.totalTime(TimeUnit.MILLISECONDS) + " ms");
        assertEquals(1, metrics.registry().get("coreswarm.operation").tags("kind", "create", "state", "failed").timer().count());
        assertEquals(0, metrics.registry().get("coreswarm.operations.running").gauge().value());
    }

    @Test
    void aTimedOutWaitSaysWhatItLastSaw() {
        String id = runner.start(CLUSTER, plan(Step.of("wait", op -> op.await("3 ready swarm nodes", Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("core-03 is down");
        })))).id();
        Operation failed = awaitEnd(id);
        assertEquals("timed out after 1 s waiting for 3 ready swarm nodes: core-03 is down", failed.error());
    }
}
