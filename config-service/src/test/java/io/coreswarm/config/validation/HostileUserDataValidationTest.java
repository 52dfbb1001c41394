package io.coreswarm.config.validation;

import static io.coreswarm.config.validation.CloudConfigValidatorTest.assertFinding;
import static io.coreswarm.config.validation.CloudConfigValidatorTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.coreswarm.api.validation.Finding;
import io.coreswarm.api.validation.Severity;
import io.coreswarm.api.validation.ValidationReport;

/** Whatever a document holds is data: never executed, constructed or expanded without bound. */
class HostileUserDataValidationTest {
    /** Generous: each case takes milliseconds; only a runaway (exponential) one would reach this. */
    private static final Duration RUNAWAY = Duration.ofSeconds(20);

    private final CloudConfigValidator validator = new CloudConfigValidator();

    private ValidationReport validate(String document) {
        return assertTimeoutPreemptively(RUNAWAY, () -> validator.validate(document));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1389/a}",
            "'; DROP TABLE clusters; --",
            "$(rm -rf /) `reboot`",
            "%n%s%x{{7*7}}#{7*7}",
            "../../../../etc/passwd",
            "\u202Egnp.exe" })
    void hostileStringsAreJustData(String hostile) {
        String quoted = "\"" + hostile.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        ValidationReport report = validate("#cloud-config\nhostname: " + quoted + "\n" + quoted + ": 1\n"
                + "coreos:\n  units:\n  - name: " + quoted + "\n    command: " + quoted + "\n");

        assertFalse(report.valid());
        assertEquals(2, report.findings().size(), report::toString);
        assertFinding(report.findings().get(0), Severity.WARNING, 3, 1, hostile, "unrecognized key");
        assertFinding(report.findings().get(1), Severity.ERROR, 7, 14, "coreos.units[0].command", "invalid value");
    }

    @Test
    void languageSpecificTagsAreRefusedNotConstructed() {
        // a constructor would instantiate this; the validator only composes, and snakeyaml refuses global tags
        ValidationReport report = validate("#cloud-config\n"
                + "hostname: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n");

        assertFinding(only(report), Severity.ERROR, 2, 11, null, "Global tag is not allowed");
    }

    @Test
    void localTagsAreOddValuesNothingMore() {
        ValidationReport report = validate("#cloud-config\nhostname: !exec reboot\ncoreos:\n  oem:\n    name: !shell [reboot]\n");

        assertEquals(2, report.findings().size(), report::toString);
        assertTrue(report.findings().stream().allMatch(f -> f.message().startsWith("incorrect type")), report::toString);
    }

    @Test
    void aBillionLaughsIsRefusedNotExpanded() {
        StringBuilder bomb = new StringBuilder("#cloud-config\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            String previous = "*a" + (i - 1);
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        ValidationReport report = validate(bomb.toString());

        Finding f = only(report);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("aliases"), f::message);
    }

    @Test
    void aSelfReferencingAnchorEnds() {
        ValidationReport report = validate("#cloud-config\ncoreos: &loop\n  oem: *loop\n  units:\n  - &unit\n    drop-ins: [*unit]\n");

        // an alias is checked where its anchor is, once
        assertEquals(List.of(), report.findings());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        ValidationReport report = validate("#cloud-config\nhostname: " + "[".repeat(20_000) + "\n");

        assertFalse(report.valid());
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "1a", "1.a" })
    void aPathologicalValueCannotMakeAPatternBacktrackForEver(String unit) {
        // upstream's window_length regex, run by Java's backtracking matcher, takes seconds on such a
        // value and overflows the stack on some; Go's RE2 never had that problem
        String value = unit.repeat(50_000) + "!";
        ValidationReport report = validate("#cloud-config\ncoreos:\n  locksmith:\n    window-length: " + value + "\n");

        assertFinding(only(report), Severity.ERROR, 4, 20, "coreos.locksmith.window-length", "want a duration");
    }

    @Test
    void echoedValuesAreShortenedAndEscaped() {
        ValidationReport report = validate("#cloud-config\ncoreos:\n  update:\n    reboot-strategy: " + "k".repeat(100_000)
                + "\n  units:\n  - command: \"x\\ny\"\n");

        List<Finding> findings = report.findings();
        assertTrue(findings.get(0).message().length() < 200, "message is bounded");
        assertTrue(findings.get(1).message().contains("\"x\\u000ay\""), findings.get(1)::message);
    }

    @Test
    void controlCharactersAreASyntaxError() {
        Finding f = only(validate("#cloud-config\nhostname: a\u0000b\n"));

        assertEquals(Severity.ERROR, f.severity());
        assertEquals(2, f.line());
    }

    @Test
    void aGzipBombIsNotInflatedWithoutBound() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros); // 64 MiB of zeros, 64 KiB compressed
            }
        }
        String content = java.util.Base64.getEncoder().encodeToString(out.toByteArray());

        ValidationReport report = validate("#cloud-config\nwrite_files:\n- path: /etc/x\n  encoding: gz+b64\n  content: " + content + "\n");

        assertEquals(List.of(), report.findings());
    }

    /** 16 MiB of zeros, gzipped and base64-encoded: about 22 KB of text. */
    static String gzipBomb(int mib) throws java.io.IOException {
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < mib; i++) {
                gz.write(zeros);
            }
        }
        return java.util.Base64.getEncoder().encodeToString(packed.toByteArray());
    }

    /** The case: write_files entries that alias one gzip bomb (once 58 s of CPU). */
    static String aliasedGzipBombs(int entries) throws java.io.IOException {
        StringBuilder doc = new StringBuilder("#cloud-config\nbomb: &bomb ").append(gzipBomb(16)).append("\nwrite_files:\n");
        for (int i = 0; i < entries; i++) {
            doc.append("- {path: /tmp/f").append(i).append(", encoding: gzip+base64, content: *bomb}\n");
        }
        return doc.toString();
    }

    @Test
    void writeFilesAliasingOneGzipBombAreDecodedOnceAndQuickly() throws Exception {
        String doc = aliasedGzipBombs(1000);
        assertTrue(doc.length() > 60_000 && doc.length() < 262_144, "size " + doc.length());
        long start = System.nanoTime();
        ValidationReport report = validate(doc);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "took " + millis + " ms");
        // the bomb decodes (it is valid gzip of zeros): nothing is wrong with it but its key
        assertTrue(report.findings().stream().noneMatch(f -> f.message().contains("decoded")), report::toString);
    }

    @Test
    void manyDistinctBombsSpendTheDocumentsBudgetAndSaySo() throws Exception {
        StringBuilder doc = new StringBuilder("#cloud-config\nwrite_files:\n");
        for (int i = 0; i < 8; i++) {
            // distinct texts (a different size each), so that no alias or cache helps
            doc.append("- path: /tmp/f").append(i).append("\n  encoding: gzip+base64\n  content: ").append(gzipBomb(15 + i % 2)).append("\n");
        }
        long start = System.nanoTime();
        ValidationReport report = validate(doc.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "took " + millis + " ms");
        assertFalse(report.valid());
        List<Finding> spent = report.findings().stream().filter(f -> f.message().contains("too costly to decode")).toList();
        assertEquals(1, spent.size(), report::toString);
        assertEquals("write_files[2].content", spent.get(0).path(), "15 + 16 MiB fit the 32 MiB budget, the third does not");
        assertTrue(spent.get(0).message().contains("more than 32 MiB"), spent.get(0).message());
    }

    @Test
    void anAliasedContentThatDoesNotDecodeIsReportedForEachEntry() {
        ValidationReport report = validate("#cloud-config\nbad: &bad \"not base64!\"\nwrite_files:\n"
                + "- {path: /tmp/a, encoding: b64, content: *bad}\n- {path: /tmp/b, encoding: b64, content: *bad}\n");
        assertEquals(2, report.findings().stream().filter(f -> f.message().contains("cannot be decoded")).count(), report::toString);
    }
}
