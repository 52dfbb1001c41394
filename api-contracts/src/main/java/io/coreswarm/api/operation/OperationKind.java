package io.coreswarm.api.operation;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an operation does. {@code CHECK} (the workload check on demand) and {@code LOAD_IMAGES}
 * (an image archive into every node) leave the cluster's phase and Ready condition as they were.
 */
public enum OperationKind {
    CREATE, SCALE, HALT, RESUME, DESTROY, CHECK, LOAD_IMAGES;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
