package io.coreswarm.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Fails when the main classes under a root package form a package cycle: each direct subpackage of
 * the root (with everything below it) is one slice, and no two slices may depend on each other
 * both ways, directly or around a longer loop.
 */
public final class PackageCycles {
    private PackageCycles() {
    }

    public static void assertNone(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no main classes found under " + rootPackage);
        }
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
