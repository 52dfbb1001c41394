package io.coreswarm.api.validation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcome of validating a user-data document.
 *
 * @param valid    true when there is no error; warnings alone leave a document valid
 * @param format   what coreos-cloudinit would take the document for
 * @param findings errors and warnings in document order
 */
@Schema(requiredProperties = { "valid", "format", "findings" })
public record ValidationReport(
        @Schema(description = "true when no finding is an error") boolean valid,
        UserDataFormat format,
        List<Finding> findings) {

    public static ValidationReport of(UserDataFormat format, List<Finding> findings) {
        return new ValidationReport(findings.stream().noneMatch(Finding::isError), format, List.copyOf(findings));
    }
}
