package io.coreswarm.config.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The two discovery settings: where token URLs point, and how long a wait is held. */
@QuarkusTest
@TestProfile(DiscoveryTestProfile.class)
class DiscoveryConfiguredTest {

    @Test
    void tokenUrlsUseTheConfiguredBaseUrl() {
        given().get("/v1/discovery/new").then().statusCode(200)
                .body(matchesPattern("http://10\\.0\\.0\\.1:8081/v1/discovery/[0-9a-f]{32}"));
    }

    @Test
    void aWaitWithNothingToReportEndsEmptyAfterTheTimeout() {
        String url = given().get("/v1/discovery/new").then().extract().asString();
        String root = url.substring(url.indexOf("/v1/"));
        long started = System.nanoTime();
        // etcd's client reads an empty 200 as "ask again"
        given().queryParam("wait", "true").queryParam("recursive", "true").get(root)
                .then().statusCode(200)
                .header("X-Etcd-Index", notNullValue())
                .body(emptyString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= 900 && millis < 10_000, "held for " + millis + " ms");
    }
}
