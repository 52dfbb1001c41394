package io.coreswarm.config.validation;

import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.api.validation.CloudConfigValidationApi;
import io.coreswarm.api.validation.ValidationReport;
import io.coreswarm.config.metrics.RequestMetrics;

public class CloudConfigValidationResource implements CloudConfigValidationApi {
    private final CloudConfigValidator validator;
    private final RequestMetrics metrics;

    CloudConfigValidationResource(CloudConfigValidator validator, RequestMetrics metrics) {
        this.validator = validator;
        this.metrics = metrics;
    }

    /** coreos-cloudinit passes empty user-data as valid; here it is a mistake in the request. */
    @Override
    public ValidationReport validate(String userData) {
        try {
            if (userData == null || userData.isEmpty()) {
                throw ProblemException.invalid("body", "must be the user-data document; the body is empty");
            }
            ValidationReport report = validator.validate(userData);
            metrics.validated(report.valid() ? RequestMetrics.Outcome.OK : RequestMetrics.Outcome.INVALID);
            return report;
        } catch (RuntimeException e) {
            metrics.validated(RequestMetrics.Outcome.REFUSED);
            throw e;
        }
    }
}
