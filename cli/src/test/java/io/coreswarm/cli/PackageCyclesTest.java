package io.coreswarm.cli;

import org.junit.jupiter.api.Test;

import io.coreswarm.testsupport.PackageCycles;

class PackageCyclesTest {
    @Test
    void mainCodeHasNoPackageCycle() {
        PackageCycles.assertNone("io.coreswarm.cli");
    }
}
