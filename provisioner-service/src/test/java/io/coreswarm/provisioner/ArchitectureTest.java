package io.coreswarm.provisioner;

import org.junit.jupiter.api.Test;

import io.coreswarm.testsupport.PackageCycles;

/**
 * The provisioner's packages depend on each other one way only: cluster (the lifecycle and its
 * API) on operation, etcd, swarm, vagrant, workload, model, workspace and clients; the runner reports
 * through {@code OperationListener} and never reaches into clusters.
 */
class ArchitectureTest {
    @Test
    void packagesAreFreeOfCycles() {
        PackageCycles.assertNone("io.coreswarm.provisioner");
    }
}
