package io.coreswarm.api.cluster;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a cluster is in its life, after Cluster API's phases. */
public enum ClusterPhase {
    PENDING("Pending"),
    PROVISIONING("Provisioning"),
    RUNNING("Running"),
    HALTED("Halted"),
    DELETING("Deleting"),
    FAILED("Failed"),
    UNKNOWN("Unknown");

    private final String id;

    ClusterPhase(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String toString() {
        return id;
    }
}
