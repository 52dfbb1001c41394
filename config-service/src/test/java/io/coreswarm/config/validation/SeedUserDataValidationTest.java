package io.coreswarm.config.validation;

import static io.coreswarm.config.validation.CloudConfigValidatorTest.assertFinding;
import static io.coreswarm.config.validation.CloudConfigValidatorTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.validation.Finding;
import io.coreswarm.api.validation.Severity;
import io.coreswarm.api.validation.UserDataFormat;
import io.coreswarm.api.validation.ValidationReport;

/**
 * The seed's user-data is the reference cloud-config: as a file it must validate without error.
 * Its only warning is Flatcar's deprecation of etcd2 (CoreOS itself accepted etcd2 in 2016).
 */
class SeedUserDataValidationTest {
    private final CloudConfigValidator validator = new CloudConfigValidator();

    @Test
    void theSeedUserDataValidatesWithoutErrors() throws IOException {
        ValidationReport report = validator.validate(SeedUserData.asFile());

        assertEquals(UserDataFormat.CLOUD_CONFIG, report.format());
        assertTrue(report.valid(), report::toString);
        assertFinding(only(report), Severity.WARNING, 5, 3, "coreos.etcd2",
                "deprecated key \"etcd2\" (etcd2 is no longer shipped in Container Linux)");
    }

    /**
     * coreos-cloudinit reads the header from the first line only ({@code config.IsCloudConfig}
     * splits off line 1), so the post's text taken verbatim, blank line first, is not a cloud-config
     * to it: {@code -validate} reports exactly this error on line 1 and the machine applies nothing.
     * The report says so, names the cause, and still checks the rest.
     */
    @Test
    void theSeedTakenVerbatimWithItsLeadingBlankLineIsRejectedAsCoreosCloudinitWould() throws IOException {
        String verbatim = SeedUserData.verbatim();
        assertTrue(verbatim.startsWith("\n#cloud-config\n"), "the post's block begins with a blank line");

        ValidationReport report = validator.validate(verbatim);

        assertEquals(UserDataFormat.UNRECOGNIZED, report.format());
        assertFalse(report.valid());
        List<Finding> errors = report.findings().stream().filter(Finding::isError).toList();
        assertEquals(1, errors.size(), report::toString);
        assertFinding(errors.get(0), Severity.ERROR, 1, 1, null,
                "must be \"#cloud-config\", multipart mime or begin with \"#!\" (\"#cloud-config\" is on line 2");
        assertEquals(List.of("coreos.etcd2"), report.findings().stream().filter(f -> !f.isError()).map(Finding::path).toList(),
                "the rest is checked too, one line further down");
    }
}
