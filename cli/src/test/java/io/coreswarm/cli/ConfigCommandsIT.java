package io.coreswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.cli.support.Cli;
import io.coreswarm.cli.support.ServiceProcess;

/** {@code render} and {@code validate} against the real config-service (its packaged jar). */
class ConfigCommandsIT {
    @TempDir
    static Path home;
    static ServiceProcess config;
    static Cli cli;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws IOException {
        config = ServiceProcess.start("config-service", home);
        cli = new Cli(home).with("CORESWARM_CONFIG_URL", config.url());
    }

    @AfterAll
    static void stop() {
        if (config != null) {
            config.close();
        }
    }

    @Test
    void renderWritesTheTargetsFilesWithTheirModes() throws Exception {
        Path spec = Files.writeString(work.resolve("demo.json"), "{\"name\": \"demo\", \"nodes\": 3}");
        Cli.Run run = cli.run("render", "--target", "coreos-legacy", "-o", work.resolve("out").toString(), spec.toString());

        assertEquals(0, run.exitCode(), run::toString);
        for (String file : List.of("Vagrantfile", "config.rb", "user-data")) {
            Path written = work.resolve("out").resolve(file);
            assertTrue(Files.isRegularFile(written), () -> file + " not written: " + run);
            assertTrue(run.out().contains(written.toRealPath().toString()), run::toString);
        }
        assertTrue(Files.readString(work.resolve("out/user-data")).startsWith("#cloud-config\n"));
        assertTrue(Files.readString(work.resolve("out/config.rb")).contains("$num_instances=3"), "the spec's 3 nodes");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("out/user-data"))));
    }

    @Test
    void aSpecTheServiceRefusesExitsTwoWithTheProblemsDetail() throws Exception {
        Path spec = Files.writeString(work.resolve("bad.json"), "{\"name\": \"Not_A_Label\", \"nodes\": 500}");
        Cli.Run run = cli.run("render", "-o", work.resolve("out").toString(), spec.toString()).noStackTrace();

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Invalid request"), run::toString);
        assertTrue(run.err().contains("spec.name: must be a lowercase DNS label"), run::toString);
        assertTrue(run.err().contains("spec.nodes: must be at most 99"), run::toString);
        assertFalse(Files.exists(work.resolve("out")), "nothing written for a refused spec");
    }

    @Test
    void aSpecThatIsNotAClusterSpecIsAUsageErrorBeforeAnyCall() throws Exception {
        Path spec = Files.writeString(work.resolve("odd.json"), "{\"name\": \"demo\", \"nodez\": 3}");
        Cli.Run run = cli.run("render", "-o", work.resolve("out").toString(), spec.toString()).noStackTrace();

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("nodez"), run::toString);
    }

    @Test
    void validateReportsFindingsAndExitsOneOnErrors() throws Exception {
        Path bad = Files.writeString(work.resolve("user-data"), "#cloud-config\ncoreos:\n  units:\n  - name: a.service\n    command: begin\n");
        Cli.Run run = cli.run("validate", bad.toString()).noStackTrace();

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains(bad + ":5:14: error: coreos.units[0].command: "), run::toString);
        assertTrue(run.out().contains("invalid"), run::toString);

        Cli.Run json = cli.run("validate", "-o", "json", bad.toString());
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertFalse(report.get("valid").asBoolean());
        assertEquals("coreos.units[0].command", report.get("findings").get(0).get("path").asText());
    }

    @Test
    void fieldPrintsOneValueForScriptsAndRefusesAnUnknownOne() throws Exception {
        Path bad = Files.writeString(work.resolve("user-data"), "#cloud-config\ncoreos:\n  units:\n  - name: a.service\n    command: begin\n");

        Cli.Run valid = cli.run("validate", "--field", "valid", bad.toString());
        assertEquals("false", valid.out().strip(), valid::toString);
        Cli.Run paths = cli.run("validate", "--field", "findings[].path", bad.toString());
        assertEquals("coreos.units[0].command", paths.out().strip(), paths::toString);
        Cli.Run typo = cli.run("validate", "--field", "valdi", bad.toString()).noStackTrace();
        assertEquals(2, typo.exitCode(), typo::toString);
        assertTrue(typo.err().contains("the answer has no field 'valdi'"), typo::toString);
    }

    @Test
    void validateExitsZeroOnAValidDocument() throws Exception {
        Path good = Files.writeString(work.resolve("user-data"), "#cloud-config\nhostname: core-01\n");
        Cli.Run run = cli.run("validate", good.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains(good + ": valid"), run::toString);
    }

    @Test
    void aMissingFileIsAUsageError() throws Exception {
        Cli.Run run = cli.run("validate", work.resolve("absent").toString()).noStackTrace();

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no such file"), run::toString);
    }

    @Test
    void anUnreachableServiceExitsFive() throws Exception {
        Path good = Files.writeString(work.resolve("user-data"), "#cloud-config\n");
        Cli.Run run = cli.run("validate", "--config-url", "http://127.0.0.1:1", good.toString()).noStackTrace();

        assertEquals(5, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unreachable"), run::toString);
    }

    @Test
    void badFlagsExitTwoWithTheUsageHint() throws Exception {
        Cli.Run run = cli.run("render", "--target", "mars", "-o", "x", "spec.json").noStackTrace();

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("'mars' is not one of"), run::toString);
        assertTrue(run.err().contains("coreswarm render --help"), run::toString);
    }
}
