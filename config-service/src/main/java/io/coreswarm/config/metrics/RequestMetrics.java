package io.coreswarm.config.metrics;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Renders by target and outcome ({@code coreswarm_renders_total}) and validations by outcome
 * ({@code coreswarm_validations_total}). Tags come from closed sets only (targets, outcomes), never
 * from what a caller wrote, so a caller cannot grow the number of series.
 */
@ApplicationScoped
public class RequestMetrics {
    /** How a request ended. */
    public enum Outcome {
        /** rendered, or validated without errors */
        OK,
        /** validated: the document has errors */
        INVALID,
        /** the request itself was refused (a 4xx problem) or failed */
        REFUSED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param target the spec's target, or null when the request had none */
    public void rendered(Object target, Outcome outcome) {
        registry.counter("coreswarm.renders", "target", target == null ? "none" : target.toString(), "outcome", outcome.tag())
                .increment();
    }

    public void validated(Outcome outcome) {
        registry.counter("coreswarm.validations", "outcome", outcome.tag()).increment();
    }
}
