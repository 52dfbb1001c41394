package io.coreswarm.monitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.coreswarm.testsupport.PackageCycles;

/**
 * monitor-service's main code has no package cycles: {@code targets} at the bottom, then the
 * probes ({@code etcd}, {@code docker}), {@code health} that judges and keeps what they saw,
 * {@code poll} that runs them, and {@code watch}, the HTTP side, on top. The root package
 * (configuration, failures in words) is below them all.
 */
class PackageCyclesTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.coreswarm.monitor");

    @Test
    void packagesAreFreeOfCycles() {
        PackageCycles.assertNone("io.coreswarm.monitor");
    }

    @Test
    void theRootPackageDependsOnNoPartOfTheMonitor() {
        noClasses().that().resideInAPackage("io.coreswarm.monitor")
                .should().dependOnClassesThat().resideInAPackage("io.coreswarm.monitor.*..")
                .check(MAIN);
    }
}
