package io.coreswarm.api.operation;

import com.fasterxml.jackson.annotation.JsonValue;

public enum OperationState {
    QUEUED, RUNNING, SUCCEEDED, FAILED,
    /** Found running when the provisioner started: the process that ran it is gone. */
    INTERRUPTED,
    CANCELLED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
