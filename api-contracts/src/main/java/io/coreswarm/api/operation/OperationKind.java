package io.coreswarm.api.operation;

import com.fasterxml.jackson.annotation.JsonValue;

public enum OperationKind {
    CREATE, SCALE, HALT, RESUME, DESTROY;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
