package io.coreswarm.provisioner.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Runs step bodies at once — Vagrant starts the machines while etcd bootstraps itself and the
 * swarm forms node by node as each dockerd answers. The first failure stops the others (as a
 * cancel would: waits end, processes are stopped) and is what the step fails with.
 */
public final class Parallel {
    /** A thread per branch: branches block (processes, waits), so a shared pool could starve them. */
    private static final Executor THREAD_PER_BRANCH = r -> {
        Thread t = new Thread(r, "parallel-branch");
        t.setDaemon(true);
        t.start();
    };

    private Parallel() {
    }

    public static Step.Body all(Step.Body... bodies) {
        return op -> {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (Step.Body body : bodies) {
                running.add(CompletableFuture.runAsync(() -> {
                    try {
                        body.run(op);
                    } catch (OperationCancelled e) {
                        throw e;
                    } catch (Exception e) {
                        op.cancel();
                        throw new CompletionException(e);
                    }
                }, THREAD_PER_BRANCH));
            }
            Exception first = null;
            for (CompletableFuture<Void> branch : running) {
                try {
                    branch.join();
                } catch (CompletionException e) {
                    Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
                    if (first == null || first instanceof OperationCancelled) {
                        first = cause instanceof Exception ex ? ex : e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        };
    }
}
