package io.coreswarm.config.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.coreswarm.api.validation.Finding;
import io.coreswarm.api.validation.Severity;
import io.coreswarm.api.validation.UserDataFormat;
import io.coreswarm.api.validation.ValidationReport;

class CloudConfigValidatorTest {
    private final CloudConfigValidator validator = new CloudConfigValidator();

    private ValidationReport validate(String... lines) {
        return validator.validate(String.join("\n", lines) + "\n");
    }

    static Finding only(ValidationReport report) {
        assertEquals(1, report.findings().size(), () -> "expected one finding: " + report);
        return report.findings().get(0);
    }

    static void assertFinding(Finding f, Severity severity, int line, int column, String path, String messagePart) {
        assertEquals(severity, f.severity(), f::toString);
        assertEquals(line, f.line(), () -> "line of " + f);
        assertEquals(column, f.column(), () -> "column of " + f);
        assertEquals(path, f.path(), () -> "path of " + f);
        assertTrue(f.message().contains(messagePart), () -> "message of " + f + " should contain " + messagePart);
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLineAndColumn() {
        ValidationReport report = validate(
                "#cloud-config",
                "coreos:",
                "  units:",
                "  - name: a.service",
                "    command: start: now");

        assertFalse(report.valid());
        assertFinding(only(report), Severity.ERROR, 5, 19, null, "mapping values are not allowed here");
    }

    @Test
    void aKeyWithoutColonIsASyntaxErrorOnItsLine() {
        // coreos-cloudinit's own test case: "a:\na" fails on line 2 of the YAML, here line 3 with the header
        ValidationReport report = validator.validate("#cloud-config\na:\na");

        Finding f = only(report);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(3, f.line());
        assertTrue(f.message().contains("could not find expected ':'"), f::message);
    }

    @Test
    void anUnknownKeyIsAWarningAtItsLine() {
        ValidationReport report = validate(
                "#cloud-config",
                "hostname: core-01",
                "coreos:",
                "  unitz:",
                "  - name: a.service",
                "packages: [git]");

        assertTrue(report.valid(), "warnings alone leave a document valid");
        assertEquals(2, report.findings().size(), report::toString);
        assertFinding(report.findings().get(0), Severity.WARNING, 4, 3, "coreos.unitz", "unrecognized key \"unitz\"");
        assertFinding(report.findings().get(1), Severity.WARNING, 6, 1, "packages", "unrecognized key \"packages\"");
    }

    @Test
    void aBadUnitCommandIsAnErrorAtItsValue() {
        ValidationReport report = validate(
                "#cloud-config",
                "coreos:",
                "  units:",
                "  - name: etcd2.service",
                "    command: start",
                "  - name: docker.service",
                "    command: begin");

        assertFalse(report.valid());
        assertFinding(only(report), Severity.ERROR, 7, 14, "coreos.units[1].command",
                "invalid value \"begin\" for \"command\" (want one of start, stop, restart, reload, try-restart, "
                        + "reload-or-restart, reload-or-try-restart)");
    }

    @Test
    void etcdVersionOneIsDeprecatedAndSoAreItsEtcd2Options() {
        ValidationReport report = validate(
                "#cloud-config",
                "coreos:",
                "  etcd:",
                "    addr: $private_ipv4:4001",
                "    listen-client-urls: http://0.0.0.0:2379");

        assertTrue(report.valid());
        assertEquals(2, report.findings().size(), report::toString);
        assertFinding(report.findings().get(0), Severity.WARNING, 3, 3, "coreos.etcd",
                "deprecated key \"etcd\" (etcd is no longer shipped in Container Linux)");
        assertFinding(report.findings().get(1), Severity.WARNING, 5, 5, "coreos.etcd.listen-client-urls",
                "etcd2 options no longer work for etcd");
    }

    @Test
    void fleetIsDeprecatedAsOnFlatcar() {
        Finding f = only(validate("#cloud-config", "coreos:", "  fleet:", "    public-ip: $private_ipv4"));

        assertFinding(f, Severity.WARNING, 3, 3, "coreos.fleet", "fleet is no longer shipped");
    }

    @Test
    void hyphensAndUnderscoresInKeysAreTheSameKey() {
        assertEquals(List.of(), validate(
                "#cloud-config",
                "coreos:",
                "  update:",
                "    reboot-strategy: etcd-lock",
                "  units:",
                "  - name: docker.service",
                "    drop_ins:",
                "    - name: a.conf",
                "      content: '[Service]'").findings());

        assertFinding(only(validate("#cloud-config", "coreos:", "  update:", "    reboot_strategy: sometimes")),
                Severity.ERROR, 4, 22, "coreos.update.reboot_strategy", "invalid value \"sometimes\"");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorEvenSpelledDifferently() {
        ValidationReport report = validate(
                "#cloud-config",
                "coreos:",
                "  update:",
                "    reboot-strategy: reboot",
                "    reboot_strategy: off");

        assertFinding(only(report), Severity.ERROR, 5, 5, "coreos.update.reboot_strategy",
                "duplicate key \"reboot_strategy\" (also given at line 4)");
    }

    @Test
    void rebootStrategyOffIsTheStringOffNotYamlsFalse() {
        // coreos-cloudinit's own cases: "off" passes although YAML 1.1 reads it as a boolean; "false" does not
        assertTrue(validate("#cloud-config", "coreos:", "  update:", "    reboot-strategy: off").findings().isEmpty());

        assertFinding(only(validate("#cloud-config", "coreos:", "  update:", "    reboot-strategy: false")),
                Severity.ERROR, 4, 22, "coreos.update.reboot-strategy", "invalid value \"false\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0744", "'0744'", "744", "'744'" })
    void permissionsAreOctalWhetherOrNotQuoted(String permissions) {
        assertEquals(List.of(), validate("#cloud-config", "write_files:", "- path: /etc/x", "  permissions: " + permissions)
                .findings());
    }

    @Test
    void aWrongTypeIsAWarning() {
        ValidationReport report = validate(
                "#cloud-config",
                "coreos:",
                "  units:",
                "    name: a.service",
                "  fleet:",
                "    verbosity: loud",
                "users:",
                "- name: core",
                "  no-create-home: 'yes'",
                "hostname:");

        assertTrue(report.valid());
        List<Finding> f = report.findings();
        assertEquals(5, f.size(), report::toString);
        assertFinding(f.get(0), Severity.WARNING, 4, 5, "coreos.units", "incorrect type for \"units\" (want a list of mappings)");
        assertFinding(f.get(1), Severity.WARNING, 5, 3, "coreos.fleet", "deprecated key");
        assertFinding(f.get(2), Severity.WARNING, 6, 16, "coreos.fleet.verbosity", "(want an integer)");
        assertFinding(f.get(3), Severity.WARNING, 9, 19, "users[0].no-create-home", "(want a boolean)");
        assertFinding(f.get(4), Severity.WARNING, 10, 10, "hostname", "(want a string)");
    }

    @Test
    void anInvalidDiscoveryUrlIsAWarning() {
        ValidationReport report = validate(
                "#cloud-config",
                "coreos:",
                "  etcd2:",
                "    discovery: discovery.etcd.io/abc",
                "    advertise-client-urls: http://$public_ipv4:2379");

        assertTrue(report.valid());
        assertFinding(report.findings().get(1), Severity.WARNING, 4, 16, "coreos.etcd2.discovery", "discovery URL is not valid");
    }

    @Test
    void aDiscoveryUrlMayUseMetadataVariables() {
        ValidationReport report = validate("#cloud-config", "coreos:", "  etcd2:",
                "    discovery: http://$private_ipv4:8081/v1/discovery/6c007a14875d53d9bf0ef5a6fc0257c8");

        assertEquals(1, report.findings().size(), "only the etcd2 deprecation: " + report);
    }

    @Test
    void writeFilesUnderCoreosIsNamedAsTheMistakeItIs() {
        Finding f = only(validate("#cloud-config", "coreos:", "  write_files:", "  - path: /etc/motd"));

        assertFinding(f, Severity.WARNING, 3, 3, "coreos.write_files", "belongs at the top level");
    }

    @Test
    void aMissingHeaderIsAnErrorOnLineOne() {
        ValidationReport report = validate("coreos:", "  units: []");

        assertEquals(UserDataFormat.UNRECOGNIZED, report.format());
        assertFinding(only(report), Severity.ERROR, 1, 1, null, "must be \"#cloud-config\", multipart mime or begin with \"#!\"");
    }

    @Test
    void aHeaderWithWindowsLineEndingIsAccepted() {
        ValidationReport report = validator.validate("#cloud-config\r\nhostname: core-01\r\n");

        assertEquals(UserDataFormat.CLOUD_CONFIG, report.format());
        assertEquals(List.of(), report.findings());
    }

    @Test
    void aScriptIsAcceptedUncheckedAsCoreosCloudinitDoes() {
        ValidationReport report = validate("#!/bin/bash", "this is: not: yaml");

        assertEquals(UserDataFormat.SCRIPT, report.format());
        assertTrue(report.valid());
        assertEquals(List.of(), report.findings());
    }

    @Test
    void anIgnitionConfigIsAcceptedUncheckedButOtherJsonIsNot() {
        assertEquals(UserDataFormat.IGNITION, validator.validate("{\"ignition\":{\"version\":\"3.3.0\"}}").format());
        assertEquals(UserDataFormat.IGNITION, validator.validate("{\"ignitionVersion\":1}").format());

        ValidationReport other = validator.validate("{}");
        assertEquals(UserDataFormat.UNRECOGNIZED, other.format());
        assertFalse(other.valid());
    }

    @Test
    void onlyTheFirstYamlDocumentIsRead() {
        ValidationReport report = validate("#cloud-config", "hostname: a", "---", "hostname: b");

        assertFinding(only(report), Severity.WARNING, 4, 1, null, "reads only the first YAML document");
    }

    @Test
    void aDocumentThatIsNotAMappingIsAnError() {
        assertFinding(only(validate("#cloud-config", "- hostname: a")), Severity.ERROR, 2, 1, null, "must be a mapping");
        assertEquals(List.of(), validate("#cloud-config").findings(), "a header alone is an empty, valid config");
    }

    @Test
    void mergeKeysAreExpanded() {
        ValidationReport report = validate(
                "#cloud-config",
                "coreos:",
                "  units:",
                "  - &started",
                "    command: start",
                "    name: a.service",
                "  - <<: *started",
                "    name: b.service",
                "  - <<: {command: launch}",
                "    name: c.service");

        assertFinding(only(report), Severity.ERROR, 9, 19, "coreos.units[2].command", "invalid value \"launch\"");
    }
}
