package io.coreswarm.provisioner.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** config-service down: a 503 that says so, and no workspace left behind. */
@QuarkusTest
@TestProfile(ConfigServiceDownTest.Down.class)
class ConfigServiceDownTest {

    public static class Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.config-service.url", "http://localhost:1",
                    "coreswarm.provisioner.workspaces", "target/workspaces-down");
        }
    }

    @Test
    void createAnswers503AndWritesNothing() {
        given().contentType("application/json").body("{\"name\":\"orphan\",\"nodes\":3}")
                .when().post("/v1/clusters")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("config-service is unreachable"));
        assertTrue(Files.notExists(Path.of("target", "workspaces-down", "orphan")));
        given().get("/v1/clusters/orphan").then().statusCode(404);
    }
}
