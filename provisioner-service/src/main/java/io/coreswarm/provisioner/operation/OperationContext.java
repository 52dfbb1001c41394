package io.coreswarm.provisioner.operation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.operation.Progress;
import io.coreswarm.provisioner.workspace.Workspace;

/**
 * What a running operation's steps see: its log, its progress, its cancellation, and the
 * processes it started (so that cancelling can stop them).
 */
public class OperationContext {
    private final Operations operations;
    private final Workspace workspace;
    private Writer log;
    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private volatile String id;
    private volatile boolean cancelled;

    OperationContext(Operations operations, Workspace workspace, String id) {
        this.operations = operations;
        this.workspace = workspace;
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Appends a line to the operation's log (kept in the workspace, streamed to followers). */
    public synchronized void log(String line) {
        try {
            if (log == null) {
                Files.createDirectories(workspace.operations());
                log = Files.newBufferedWriter(workspace.operationLog(id), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            log.write(Instant.now() + " " + line + "\n");
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void progress(String step, int nodesDone, int nodesTotal) {
        update(op -> op.withProgress(new Progress(step, nodesDone, nodesTotal)));
    }

    /** Advances the nodes-done count of the current step. */
    public void nodeDone() {
        update(op -> op.withProgress(op.progress().withNodeDone()));
    }

    void update(UnaryOperator<Operation> change) {
        operations.update(id, change);
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new OperationCancelled();
        }
    }

    /** Sleeps, but wakes up cancelled. */
    public void pause(long millis) {
        throwIfCancelled();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCancelled();
        }
        throwIfCancelled();
    }

    /** A condition an operation waits for; an exception counts as "not yet" and says why. */
    @FunctionalInterface
    public interface Check {
        boolean ok() throws Exception;
    }

    /** Polls until the check passes; the last failure (or "not yet") becomes the error if time runs out. */
    public void await(String what, java.time.Duration timeout, Check check) {
        await(what, timeout, 500, check);
    }

    /** As {@link #await(String, java.time.Duration, Check)}, polling every {@code everyMillis}. */
    public void await(String what, java.time.Duration timeout, long everyMillis, Check check) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "not yet";
        while (Instant.now().isBefore(deadline)) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (OperationCancelled e) {
                throw e;
            } catch (Exception e) {
                last = e.getMessage();
            }
            pause(everyMillis);
        }
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what + ": " + last);
    }

    public void attach(Process p) {
        processes.add(p);
        if (cancelled) {
            ProcessTree.stop(p);
        }
    }

    public void detach(Process p) {
        processes.remove(p);
    }

    void cancel() {
        cancelled = true;
        processes.forEach(ProcessTree::stop);
    }

    synchronized void close() {
        try {
            if (log != null) {
                log.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
