package io.coreswarm.config.validation;

import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.api.validation.CloudConfigValidationApi;
import io.coreswarm.api.validation.ValidationReport;

public class CloudConfigValidationResource implements CloudConfigValidationApi {
    private final CloudConfigValidator validator;

    CloudConfigValidationResource(CloudConfigValidator validator) {
        this.validator = validator;
    }

    /** coreos-cloudinit passes empty user-data as valid; here it is a mistake in the request. */
    @Override
    public ValidationReport validate(String userData) {
        if (userData == null || userData.isEmpty()) {
            throw ProblemException.invalid("body", "must be the user-data document; the body is empty");
        }
        return validator.validate(userData);
    }
}
