package io.coreswarm.monitor.poll;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The threads polls run on. Unbounded on purpose: each target polls on its own thread (and its
 * Docker endpoints on theirs) so that a cluster whose hosts hang never holds up another's poll;
 * every call has its own timeout, so threads come back within seconds.
 */
@ApplicationScoped
public class PollWorkers implements Executor {
    private final ExecutorService threads = Executors.newCachedThreadPool(new Named());

    @Override
    public void execute(Runnable task) {
        threads.execute(task);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }

    private static final class Named implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "monitor-poll-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
