package io.coreswarm.provisioner;

import static io.coreswarm.provisioner.support.Processes.stopped;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.provisioner.support.ConfigServiceProcess;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.FreePorts;
import io.coreswarm.testsupport.TestApiToken;
import io.restassured.RestAssured;

/**
 * The packaged provisioner stopped as systemd stops it (SIGTERM) while an operation's vagrant runs:
 * the vagrant (here a script that starts a child and waits, as vagrant waits for its provider) and
 * its child are stopped, and the operation is on disk as {@code interrupted}. A Flatcar (VM) target,
 * so that nothing of the create before {@code vagrant up} needs dockerd, and the script never starts a VM.
 */
class ProvisionerShutdownIT {
    static final String NAME = "shutdown";
    static final Path ROOT = Path.of("target", "shutdown-it").toAbsolutePath();
    static final ConfigServiceProcess CONFIG = new ConfigServiceProcess();
    static Map<String, String> configUrl;

    @BeforeAll
    static void startConfigService() {
        configUrl = CONFIG.start();
    }

    @AfterAll
    static void stopConfigService() {
        CONFIG.stop();
    }

    @Test
    void aSigtermStopsTheVagrantTreeAndRecordsTheOperationInterrupted() throws Exception {
        Path workspaces = ROOT.resolve("workspaces-" + System.nanoTime());
        Path vagrant = Files.createDirectories(ROOT).resolve("slow-vagrant");
        // "status" answers at once (the reconciler asks); anything else waits on a child that records itself
        Files.writeString(vagrant, """
                #!/bin/sh
                if [ "$1" = status ]; then exit 0; fi
                sleep 300 &
                echo $! > "$PWD/child.pid"
                wait
                """);
        Files.setPosixFilePermissions(vagrant, PosixFilePermissions.fromString("rwx------"));
        int port = FreePorts.next();
        Process provisioner = new ProcessBuilder(List.of("java",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.rest-client.config-service.url=" + configUrl.get("quarkus.rest-client.config-service.url"),
                "-Dquarkus.rest-client.monitor-service.url=http://localhost:1",
                "-Dcoreswarm.provisioner.workspaces=" + workspaces,
                "-Dcoreswarm.provisioner.vagrant=" + vagrant,
                "-Dcoreswarm.api.token=" + TestApiToken.VALUE,
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()))
                .redirectErrorStream(true).redirectOutput(ROOT.resolve("provisioner.log").toFile()).start();
        try {
            RestAssured.port = port;
            Await.until("the provisioner to be live", Duration.ofSeconds(90), Duration.ofMillis(250),
                    () -> given().get("/q/health/live").statusCode(), s -> s == 200);
            String op = given().contentType("application/json")
                    .body("{\"name\":\"" + NAME + "\",\"nodes\":1,\"target\":\"flatcar\"}")
                    .post("/v1/clusters").then().statusCode(202).extract().path("id");
            Path childPid = workspaces.resolve(NAME).resolve("machines").resolve("child.pid");
            Await.until("vagrant up to run", Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> Files.exists(childPid) && !Files.readString(childPid).isBlank(), Boolean.TRUE::equals);
            long child = Long.parseLong(Files.readString(childPid).strip());

            provisioner.destroy(); // SIGTERM
            assertTrue(provisioner.waitFor(60, TimeUnit.SECONDS), "the provisioner stops within a minute");

            JsonNode record = new ObjectMapper().readTree(workspaces.resolve(NAME).resolve("operations").resolve(op + ".json").toFile());
            assertEquals("interrupted", record.path("state").asText(), record.toString());
            assertEquals("the provisioner stopped while this operation ran", record.path("error").asText());
            assertTrue(stopped(child), "vagrant's child is stopped");
            String log = Files.readString(workspaces.resolve(NAME).resolve("operations").resolve(op + ".log"));
            assertTrue(log.contains("the provisioner is stopping: stopping the process tree"), log);
        } finally {
            provisioner.destroyForcibly();
        }
    }
}
