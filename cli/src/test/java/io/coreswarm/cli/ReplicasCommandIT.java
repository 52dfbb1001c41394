package io.coreswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.coreswarm.cli.support.Cli;
import io.coreswarm.cli.support.ServiceProcess;

/**
 * {@code replicas} against the three real services with their default store (files): each is its
 * own only replica. Also a service that is down, and one from before {@code /v1/replicas} (a real
 * HTTP server answering as such a Quarkus service does: a plain 404 page).
 */
class ReplicasCommandIT {
    @TempDir
    static Path home;
    static ServiceProcess config;
    static ServiceProcess provisioner;
    static ServiceProcess monitor;
    static Cli cli;

    @BeforeAll
    static void start() throws IOException {
        config = ServiceProcess.start("config-service", home);
        monitor = ServiceProcess.start("monitor-service", home, "coreswarm.monitor.data-dir=" + home.resolve("monitor"));
        provisioner = ServiceProcess.start("provisioner-service", home,
                "coreswarm.provisioner.workspaces=" + home.resolve("clusters"),
                "quarkus.rest-client.monitor-service.url=" + monitor.url(),
                "quarkus.rest-client.config-service.url=" + config.url());
        cli = new Cli(home).with("CORESWARM_CONFIG_URL", config.url()).with("CORESWARM_PROVISIONER_URL", provisioner.url())
                .with("CORESWARM_MONITOR_URL", monitor.url());
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess s : new ServiceProcess[] { provisioner, monitor, config }) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void everyServiceListsItselfAsItsOnlyReplicaOnFiles() throws Exception {
        Cli.Run run = cli.run("replicas");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(4, lines.size(), run::toString);
        assertTrue(lines.get(0).matches("ID +SERVICE +ADDRESS +HOST +STORE +HOLDS"), run::toString);
        String[] services = { "config-service", "provisioner-service", "monitor-service" };
        String[] urls = { config.url(), provisioner.url(), monitor.url() };
        for (int i = 0; i < 3; i++) {
            String line = lines.get(i + 1);
            assertTrue(line.matches("\\S+ \\* +" + services[i] + " +" + urls[i] + " +\\S+ +files +-"), line);
        }
    }

    @Test
    void oneServiceAsJsonOrYamlIsTheServicesAnswer() throws Exception {
        Cli.Run json = cli.run("replicas", "--service", "monitor", "-o", "json");

        assertEquals(0, json.exitCode(), json::toString);
        JsonNode list = new ObjectMapper().readTree(json.out());
        assertEquals(1, list.size(), json::toString);
        JsonNode me = list.get(0);
        assertEquals("monitor-service", me.get("service").asText());
        assertEquals(monitor.url(), me.get("address").asText());
        assertEquals("files", me.get("store").asText());
        assertTrue(me.get("self").asBoolean());
        assertTrue(me.get("holds").isArray() && me.get("holds").isEmpty(), json::toString);
        assertTrue(me.hasNonNull("startedAt") && me.hasNonNull("host") && me.hasNonNull("id"), json::toString);

        Cli.Run yaml = cli.run("replicas", "-s", "PROVISIONER", "-o", "yaml");
        assertEquals(0, yaml.exitCode(), yaml::toString);
        assertTrue(yaml.out().startsWith("- id: "), yaml::toString);
        assertTrue(yaml.out().contains("  service: provisioner-service\n"), yaml::toString);
        assertTrue(yaml.out().contains("  address: " + provisioner.url() + "\n"), yaml::toString);

        Cli.Run field = cli.run("replicas", "--field", "[].address");
        assertEquals(0, field.exitCode(), field::toString);
        assertEquals(List.of(config.url(), provisioner.url(), monitor.url()), field.out().lines().toList(), field::toString);
        Cli.Run typo = cli.run("replicas", "--field", "[].adress").noStackTrace();
        assertEquals(2, typo.exitCode(), typo::toString);
        assertTrue(typo.err().contains("the answer has no field 'adress'"), typo::toString);
    }

    @Test
    void aServiceThatIsDownDoesNotHideTheOthers() throws Exception {
        Cli.Run run = cli.with("CORESWARM_MONITOR_URL", "http://127.0.0.1:1").run("replicas").noStackTrace();
        cli.with("CORESWARM_MONITOR_URL", monitor.url());

        assertEquals(5, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("coreswarm: monitor-service: service unreachable"), run::toString);
        assertTrue(run.out().contains("config-service") && run.out().contains("provisioner-service"), run::toString);
        assertTrue(!run.out().contains("monitor-service"), run::toString);

        Cli.Run one = cli.run("replicas", "--service", "monitor", "--monitor-url", "http://127.0.0.1:1").noStackTrace();
        assertEquals(5, one.exitCode(), one::toString);
        assertTrue(one.out().isEmpty(), one::toString);
    }

    @Test
    void aServiceFromBeforeReplicasIsToldApart() throws Exception {
        HttpServer older = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        older.createContext("/", exchange -> {
            byte[] page = "<html><body><h1>Resource not found</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(404, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        older.start();
        try {
            Cli.Run run = cli.run("replicas", "-s", "config", "--config-url", "http://127.0.0.1:" + older.getAddress().getPort())
                    .noStackTrace();

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("config-service does not serve GET /v1/replicas"), run::toString);
        } finally {
            older.stop(0);
        }
    }
}
