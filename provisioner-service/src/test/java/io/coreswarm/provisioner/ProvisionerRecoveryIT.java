package io.coreswarm.provisioner;

import io.coreswarm.provisioner.support.ConfigServiceProcess;
import io.coreswarm.provisioner.support.HostDocker;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.FreePorts;
import io.coreswarm.testsupport.TestApiToken;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/**
 * The packaged provisioner killed (SIGKILL) in the middle of a create, then started again: the
 * operation is marked interrupted, the cluster's phase is read again from vagrant status, and
 * the cluster can still be destroyed cleanly.
 */
class ProvisionerRecoveryIT {
    static final String NAME = "recovery";
    static final Path WORKSPACES = Path.of("target", "recovery-workspaces").toAbsolutePath();
    static final ConfigServiceProcess CONFIG = new ConfigServiceProcess();
    static Map<String, String> configUrl;
    Process provisioner;

    @BeforeAll
    static void startConfigService() {
        HostDocker.removeLeftovers(NAME);
        configUrl = CONFIG.start();
    }

    @AfterAll
    static void stopConfigService() {
        CONFIG.stop();
        HostDocker.removeLeftovers(NAME);
    }

    @Test
    void anOperationCutOffByACrashIsInterruptedAndTheClusterReconciled() throws Exception {
        startProvisioner();
        String op = given().contentType("application/json").body("{\"name\":\"" + NAME + "\",\"nodes\":3}")
                .post("/v1/clusters").then().statusCode(202).extract().path("id");
        awaitStep(op, "start machines, form etcd and swarm");
        provisioner.destroyForcibly().waitFor();

        startProvisioner();
        given().get("/v1/operations/" + op).then().statusCode(200)
                .body("state", equalTo("interrupted"));
        // phases are read again in the background, right after start-up
        await(Duration.ofSeconds(30), () -> "Reconciled".equals(given().get("/v1/clusters/" + NAME).path("conditions[0].reason")));
        JsonPath cluster = given().get("/v1/clusters/" + NAME).then().statusCode(200)
                .body("currentOperation", nullValue())
                .body("conditions[0].reason", equalTo("Reconciled"))
                .extract().jsonPath();
        List<String> states = cluster.getList("nodes.state");
        String expected = states.stream().allMatch("running"::equals) ? "Running" : "Unknown";
        assertEquals(expected, cluster.getString("phase"), "phase follows vagrant status " + states);

        // the vagrant left running by the killed provisioner may still hold Vagrant's lock a while
        destroyWhenVagrantIsFree();
        assertEquals(List.of(), HostDocker.containers(NAME));
        assertEquals(List.of(), HostDocker.networks(NAME));
        provisioner.destroy();
    }

    void startProvisioner() throws IOException {
        int port = FreePorts.next();
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the provisioner first");
        provisioner = new ProcessBuilder(List.of("java",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.rest-client.config-service.url=" + configUrl.get("quarkus.rest-client.config-service.url"),
                "-Dquarkus.rest-client.monitor-service.url=http://localhost:1",
                "-Dcoreswarm.provisioner.workspaces=" + WORKSPACES,
                "-Dcoreswarm.api.token=" + TestApiToken.VALUE,
                "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "recovery-provisioner.log").toFile()))
                .start();
        RestAssured.port = port;
        await(Duration.ofSeconds(60), () -> given().get("/q/health/ready").statusCode() == 200);
    }

    static void awaitStep(String op, String step) {
        await(Duration.ofMinutes(2), () -> step.equals(given().get("/v1/operations/" + op).path("progress.step")));
    }

    static void destroyWhenVagrantIsFree() {
        await(Duration.ofMinutes(3), () -> {
            String id = given().delete("/v1/clusters/" + NAME).then().statusCode(202).extract().path("id");
            await(Duration.ofMinutes(2), () -> !List.of("queued", "running").contains(given().get("/v1/operations/" + id).<String>path("state")));
            return given().get("/v1/clusters/" + NAME).statusCode() == 404;
        });
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Polls until the check passes; a timeout reports the last failure the check gave, if any. */
    static void await(Duration timeout, Check check) {
        Await.until("the check to pass", timeout, Duration.ofMillis(500), check::ok, Boolean.TRUE::equals);
    }
}
