package io.coreswarm.provisioner.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.coreswarm.api.operation.Operation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Operations for Prometheus: each finished one timed by kind and final state
 * ({@code coreswarm_operation_seconds_count}, {@code _sum} and {@code _bucket}, from its start, or
 * from its queueing when it never started), and how many run now ({@code coreswarm_operations_running}).
 * Tags are the kind and state enums only.
 */
@ApplicationScoped
@Startup // the gauge is there (at 0) before the first operation, not made by it
public class OperationMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger running = new AtomicInteger();

    @Inject
    OperationMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("coreswarm.operations.running", running);
    }

    /** For the runner without Quarkus: a registry of its own. */
    OperationMetrics() {
        this(new SimpleMeterRegistry());
    }

    MeterRegistry registry() {
        return registry;
    }

    void started() {
        running.incrementAndGet();
    }

    void finished(Operation op) {
        running.decrementAndGet();
        Instant from = op.startedAt() != null ? op.startedAt() : op.createdAt();
        Instant to = op.finishedAt() != null ? op.finishedAt() : Instant.now();
        Timer.builder("coreswarm.operation")
                .description("finished operations by kind and state, and how long they took")
                .tags("kind", op.kind().toString(), "state", op.state().toString())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry)
                .record(from == null ? Duration.ZERO : Duration.between(from, to));
    }
}
