package io.coreswarm.config.validation;

import static io.coreswarm.config.validation.CloudConfigValidatorTest.assertFinding;
import static io.coreswarm.config.validation.CloudConfigValidatorTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.coreswarm.api.validation.Severity;
import io.coreswarm.api.validation.ValidationReport;

class WriteFilesValidationTest {
    private final CloudConfigValidator validator = new CloudConfigValidator();

    private ValidationReport file(String... lines) {
        return validator.validate("#cloud-config\nwrite_files:\n- " + String.join("\n  ", lines) + "\n");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = { "gz+base64", "gzip+base64", "gz+b64", "gzip+b64" })
    void gzippedBase64ContentDecodes(String encoding) throws IOException {
        String content = Base64.getEncoder().encodeToString(gzip("DOCKER_OPTS=-H unix:///var/run/docker.sock\n"));

        assertEquals(List.of(), file("path: /etc/docker.env", "encoding: " + encoding, "content: " + content).findings());
    }

    @Test
    void base64ContentMayBeWrappedOverLines() {
        assertEquals(List.of(), file("path: /etc/x", "encoding: b64", "content: |", "    aGVsbG8g", "    d29ybGQ=").findings());
    }

    @Test
    void gzipContentComesAsYamlBinary() throws IOException {
        String binary = Base64.getEncoder().encodeToString(gzip("hello"));

        assertEquals(List.of(), file("path: /etc/x", "encoding: gzip", "content: !!binary " + binary).findings());
    }

    @Test
    void contentThatDoesNotDecodeIsAnErrorAtTheContent() {
        ValidationReport report = file("path: /etc/x", "encoding: base64", "content: not base64!");

        assertFalse(report.valid());
        assertFinding(only(report), Severity.ERROR, 5, 12, "write_files[0].content", "content cannot be decoded as \"base64\"");
    }

    @Test
    void base64ThatIsNotGzipIsAnErrorForGzipEncodings() {
        ValidationReport report = file("path: /etc/x", "encoding: gzip+base64", "content: aGVsbG8=");

        assertFinding(only(report), Severity.ERROR, 5, 12, "write_files[0].content", "not gzip data");
    }

    @Test
    void anUnknownEncodingIsAnErrorAtTheEncoding() {
        ValidationReport report = file("path: /etc/x", "encoding: rot13", "content: uryyb");

        assertFinding(only(report), Severity.ERROR, 4, 13, "write_files[0].encoding",
                "invalid value \"rot13\" for \"encoding\" (want one of base64, b64, gz, gzip, gz+base64, gzip+base64, gz+b64, gzip+b64)");
    }

    @Test
    void writingUnderUsrIsAnError() {
        ValidationReport report = file("path: /usr/local/bin/swarm-join", "content: '#!/bin/sh'");

        assertFinding(only(report), Severity.ERROR, 3, 9, "write_files[0].path", "read-only filesystem");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/usr/x", "/usr/share/a/b", "/etc/../usr/x", "//usr/./lib/x" })
    void pathsUnderUsrAreFound(String path) {
        assertTrue(WriteFilesCheck.isUnderUsr(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/etc/usr/x", "/usrdata/x", "/usr", "/opt/bin/x", "usr/x", "/usr/../etc/x" })
    void pathsElsewhereAreFine(String path) {
        assertFalse(WriteFilesCheck.isUnderUsr(path), path);
    }
}
