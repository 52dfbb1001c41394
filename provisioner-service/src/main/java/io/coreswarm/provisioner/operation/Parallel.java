package io.coreswarm.provisioner.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs independent step bodies at once — etcd bootstraps itself while the swarm forms — and
 * fails with the first failure once all have ended.
 */
public final class Parallel {
    private Parallel() {
    }

    public static Step.Body all(Step.Body... bodies) {
        return op -> {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (Step.Body body : bodies) {
                running.add(CompletableFuture.runAsync(() -> {
                    try {
                        body.run(op);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }));
            }
            try {
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw e;
            }
        };
    }
}
