package io.coreswarm.provisioner.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The checks as {@code /q/health/ready} serves them, open without the token, with a vagrant
 * that fails ({@code /bin/false}) and a docker host that refuses: 503, each check named and the
 * failing ones saying why. (With the real vagrant and dockerd the service tests see 200.)
 */
@QuarkusTest
@TestProfile(ReadinessEndpointTest.BrokenHost.class)
class ReadinessEndpointTest {

    public static class BrokenHost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("coreswarm.provisioner.vagrant", "/bin/false",
                    "coreswarm.provisioner.docker-host", "tcp://127.0.0.1:1");
        }
    }

    @Test
    void eachCheckIsNamedAndTheFailingOnesSayWhy() {
        given().header("Authorization", "").get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.name", containsInAnyOrder("workspace", "vagrant", "dockerd", "store"))
                .body("checks.find { it.name == 'workspace' }.status", equalTo("UP"))
                // the store module's check: files, the default, has nothing to reach
                .body("checks.find { it.name == 'store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'store' }.data.kind", equalTo("files"))
                .body("checks.find { it.name == 'vagrant' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'vagrant' }.data.reason", startsWith("'/bin/false --version' exited with 1"))
                .body("checks.find { it.name == 'dockerd' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'dockerd' }.data.host", equalTo("tcp://127.0.0.1:1"))
                .body("checks.find { it.name == 'dockerd' }.data.reason", startsWith("no answer"));
    }

    @Test
    void operationMetricsAreServedWithTheToken() {
        given().header("Authorization", "").get("/q/metrics").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("coreswarm_operations_running 0.0"));
    }
}
