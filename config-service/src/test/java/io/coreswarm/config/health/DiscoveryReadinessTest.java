package io.coreswarm.config.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The discovery store's readiness with a store of one token: ready while a cluster could get a
 * token, DOWN naming the reason once the one token is taken and not idle (nothing to evict).
 */
@QuarkusTest
@TestProfile(DiscoveryReadinessTest.OneToken.class)
class DiscoveryReadinessTest {

    public static class OneToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("coreswarm.discovery.limits.max-tokens", "1");
        }
    }

    @Test
    void readyUntilTheStoreIsFullThenDownWithTheReason() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(DiscoveryReadiness.NAME))
                .body("checks.find { it.name == 'discovery-store' }.data.tokens", equalTo(0))
                .body("checks.find { it.name == 'discovery-store' }.data.maxTokens", equalTo(1));

        given().get("/v1/discovery/new").then().statusCode(200);

        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'discovery-store' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'discovery-store' }.data.tokens", equalTo(1))
                .body("checks.find { it.name == 'discovery-store' }.data.reason", containsString("full"));
    }
}
