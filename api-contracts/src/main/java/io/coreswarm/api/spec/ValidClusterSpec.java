package io.coreswarm.api.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The rules of a spec that span several fields; each violation names the field it is about. */
@Documented
@Constraint(validatedBy = ClusterSpecRules.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidClusterSpec {
    String message() default "invalid cluster spec";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
