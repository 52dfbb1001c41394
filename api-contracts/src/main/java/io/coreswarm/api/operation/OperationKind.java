package io.coreswarm.api.operation;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an operation does. {@code CHECK} (the workload check on demand) and {@code LOAD_IMAGES}
 * (an image archive into every node) leave the cluster's phase and Ready condition as they were.
 * {@code REGENERATE_CERTS} renews a TLS cluster's node certificates (and its CA on request) and
 * restarts the nodes' dockerd and etcd with them.
 */
public enum OperationKind {
    CREATE, SCALE, HALT, RESUME, DESTROY, CHECK, LOAD_IMAGES, REGENERATE_CERTS;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
