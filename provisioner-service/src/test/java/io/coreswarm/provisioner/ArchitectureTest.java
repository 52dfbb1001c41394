package io.coreswarm.provisioner;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The provisioner's packages depend on each other one way only: cluster (the lifecycle and its
 * API) on operation, etcd, swarm, vagrant, model, workspace and clients; the runner reports
 * through {@code OperationListener} and never reaches into clusters.
 */
@AnalyzeClasses(packages = "io.coreswarm.provisioner", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.coreswarm.provisioner.(*)..").should().beFreeOfCycles();
}
