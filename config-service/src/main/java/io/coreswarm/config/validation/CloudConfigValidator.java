package io.coreswarm.config.validation;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.validation.UserDataFormat;
import io.coreswarm.api.validation.ValidationReport;

/** Validates user-data as {@code coreos-cloudinit -validate} does: header first, then the cloud-config rules. */
@ApplicationScoped
public class CloudConfigValidator {
    private final List<CloudConfigRule> rules;

    public CloudConfigValidator() {
        this(List.of(new SchemaCheck(CloudConfigSchema.CLOUD_CONFIG), new WriteFilesCheck(), new DiscoveryUrlCheck()));
    }

    CloudConfigValidator(List<CloudConfigRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Scripts, Ignition configs and multipart MIME pass unchecked, as they do in coreos-cloudinit. */
    public ValidationReport validate(String userData) {
        Findings findings = new Findings();
        UserDataFormat format = UserDataHeader.formatOf(userData);
        if (format == UserDataFormat.CLOUD_CONFIG) {
            checkCloudConfig(userData, findings);
        } else if (format == UserDataFormat.UNRECOGNIZED) {
            Optional<String> why = UserDataHeader.whyHeaderIsMissed(userData);
            findings.documentError(null, UserDataHeader.UNRECOGNIZED_MESSAGE + why.map(w -> " (" + w + ")").orElse(""));
            // coreos-cloudinit stops here; when the author evidently meant a cloud-config, saying
            // what else is wrong saves a round trip
            if (why.isPresent()) {
                checkCloudConfig(userData, findings);
            }
        }
        return ValidationReport.of(format, findings.inDocumentOrder());
    }

    private void checkCloudConfig(String userData, Findings findings) {
        CloudConfigParser.parse(userData, findings)
                .ifPresent(document -> rules.forEach(rule -> rule.check(document, findings)));
    }
}
