package io.coreswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.coreswarm.cli.support.Cli;
import io.coreswarm.cli.support.ServiceProcess;

/**
 * The read commands and their not-found answers against the real provisioner and monitor (their
 * packaged jars, no cluster: nothing here needs dockerd or Vagrant).
 */
class ProvisionerAndMonitorCommandsIT {
    @TempDir
    static Path home;
    static ServiceProcess provisioner;
    static ServiceProcess monitor;
    static Cli cli;

    @BeforeAll
    static void start() throws IOException {
        monitor = ServiceProcess.start("monitor-service", home, "coreswarm.monitor.data-dir=" + home.resolve("monitor"));
        provisioner = ServiceProcess.start("provisioner-service", home,
                "coreswarm.provisioner.workspaces=" + home.resolve("clusters"),
                "quarkus.rest-client.monitor-service.url=" + monitor.url(),
                "quarkus.rest-client.config-service.url=http://127.0.0.1:1");
        cli = new Cli(home).with("CORESWARM_PROVISIONER_URL", provisioner.url()).with("CORESWARM_MONITOR_URL", monitor.url());
    }

    @AfterAll
    static void stop() {
        if (provisioner != null) {
            provisioner.close();
        }
        if (monitor != null) {
            monitor.close();
        }
    }

    @Test
    void lsOnAnEmptyProvisionerIsTheHeaderOrAnEmptyList() throws Exception {
        Cli.Run table = cli.run("ls");
        assertEquals(0, table.exitCode(), table::toString);
        assertEquals("NAME   PHASE   NODES   TARGET   TLS   DOCKER_HOST   OPERATION", table.out().strip());

        Cli.Run json = cli.run("ls", "-o", "json");
        assertEquals(0, json.exitCode(), json::toString);
        assertEquals("[ ]", json.out().strip());

        Cli.Run yaml = cli.run("ls", "-o", "yaml");
        assertEquals("[]", yaml.out().strip(), yaml::toString);
    }

    @Test
    void anUnknownClusterExitsThreeWithTheProblemsDetail() throws Exception {
        for (String[] args : new String[][] { { "get", "nope" }, { "rm", "nope" }, { "scale", "nope", "2" }, { "halt", "nope" },
                { "resume", "nope" }, { "regenerate-certs", "nope", "--ca" }, { "env", "nope" }, { "certs", "nope" },
                { "get", "nope", "--field", "phase" } }) {
            Cli.Run run = cli.run(args).noStackTrace();
            assertEquals(3, run.exitCode(), run::toString);
            assertTrue(run.err().contains("Not Found: no cluster named nope"), run::toString);
        }
    }

    @Test
    void anUnknownOperationExitsThree() throws Exception {
        for (String[] args : new String[][] { { "logs", "op-none" }, { "logs", "-f", "op-none" }, { "cancel", "op-none" } }) {
            Cli.Run run = cli.run(args).noStackTrace();
            assertEquals(3, run.exitCode(), run::toString);
            assertTrue(run.err().contains("no operation op-none"), run::toString);
        }
    }

    @Test
    void aBadNameIsRefusedByTheServiceWithExitTwo() throws Exception {
        Cli.Run run = cli.run("create", "Not_A_Label", "--nodes", "0").noStackTrace();

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("must be a lowercase DNS label"), run::toString);
        assertTrue(run.err().contains("must be at least 1"), run::toString);
    }

    @Test
    void healthOfNoWatchedClusterAndOfAnUnknownOne() throws Exception {
        Cli.Run all = cli.run("health");
        assertEquals(0, all.exitCode(), all::toString);
        assertEquals("NAME   STATUS   ETCD   SWARM   CHECKED   REASONS", all.out().strip());

        Cli.Run until = cli.run("health", "nope", "--until", "healthy", "--timeout", "1").noStackTrace();
        assertEquals(1, until.exitCode(), until::toString);
        assertTrue(until.err().contains("nope is not HEALTHY after 1 s: not watched yet"), until::toString);

        for (String[] args : new String[][] { { "health", "nope" }, { "info", "nope" }, { "events", "nope" } }) {
            Cli.Run run = cli.run(args).noStackTrace();
            assertEquals(3, run.exitCode(), run::toString);
            assertTrue(run.err().contains("nope"), run::toString);
        }
    }
}
