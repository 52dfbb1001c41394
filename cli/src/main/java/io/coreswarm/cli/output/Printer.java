package io.coreswarm.cli.output;

import java.io.PrintWriter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.coreswarm.api.cluster.Cluster;
import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.replica.Replica;
import io.coreswarm.api.validation.ValidationReport;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Writes answers as JSON or YAML, the way the services write them (ISO-8601 times, enums by
 * their JSON names). The records printed are registered for reflection with every type they
 * hold, which is what Jackson needs of them in a native image.
 */
@RegisterForReflection(registerFullHierarchy = true, targets = { Cluster.class, Operation.class, ClusterHealth.class,
        HealthEvent.class, MonitorTarget.class, Rendering.class, ValidationReport.class,
        Replica.class })
public final class Printer {
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
    private static final ObjectMapper YAML = configure(YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private final PrintWriter out;

    public Printer(PrintWriter out) {
        this.out = out;
    }

    /** Writes {@code value} in {@code format}, which must be JSON or YAML. */
    public void structured(Object value, OutputFormat format) {
        try {
            String text = (format == OutputFormat.YAML ? YAML : JSON).writeValueAsString(value);
            out.println(text.stripTrailing());
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as " + format + ": " + e.getOriginalMessage(), e);
        }
    }

    /** One JSON document on one line (for streams: one event a line). */
    public void line(Object value) {
        try {
            out.println(JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public void text(String text) {
        out.println(text);
        out.flush();
    }

    /** The mapper commands read JSON files with: the same time and Optional handling. */
    public static ObjectMapper json() {
        return JSON;
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }
}
