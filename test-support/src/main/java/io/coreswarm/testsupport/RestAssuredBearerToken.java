package io.coreswarm.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes rest-assured send the tests' API token by default ({@link BearerTokenFilter}), in every test
 * of every module that has test-support on its test classpath, with nothing in the test itself:
 * JUnit registers it through {@code META-INF/services/org.junit.jupiter.api.extension.Extension}
 * (Quarkus's junit-platform.properties enables extension auto-detection).
 *
 * <p>A {@code @QuarkusTest} class is loaded by Quarkus's own class loader, with a rest-assured of
 * its own, not the one JUnit loaded this class with: the filter is therefore added to the
 * {@code RestAssured} of the test class's loader, by reflection, once per loader.
 */
public final class RestAssuredBearerToken implements BeforeAllCallback, BeforeEachCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        install(context.getRequiredTestClass().getClassLoader());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        install(context.getRequiredTestClass().getClassLoader());
        context.getTestInstance().ifPresent(t -> install(t.getClass().getClassLoader()));
    }

    static void install(ClassLoader loader) {
        Class<?> restAssured;
        Class<?> filter;
        try {
            restAssured = Class.forName("io.restassured.RestAssured", true, loader);
            filter = Class.forName(BearerTokenFilter.class.getName(), true, loader);
        } catch (ClassNotFoundException | LinkageError noRestAssured) {
            return; // a module whose tests do not use rest-assured
        }
        try {
            List<?> present = (List<?>) restAssured.getMethod("filters").invoke(null);
            if (present.stream().noneMatch(filter::isInstance)) {
                restAssured.getMethod("filters", List.class).invoke(null, List.of(filter.getConstructor().newInstance()));
            }
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException i ? i.getCause() : e;
            throw new IllegalStateException("could not make rest-assured send the tests' API token", cause);
        }
    }
}
