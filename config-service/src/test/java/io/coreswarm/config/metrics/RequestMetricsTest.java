package io.coreswarm.config.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Renders and validations as /q/metrics counts them, each request a real one. */
@QuarkusTest
class RequestMetricsTest {

    static double counter(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void rendersAndValidationsAreCountedByOutcome() {
        String rendered = "coreswarm_renders_total{outcome=\"ok\",target=\"local\"}";
        String valid = "coreswarm_validations_total{outcome=\"ok\"}";
        String invalid = "coreswarm_validations_total{outcome=\"invalid\"}";
        String refused = "coreswarm_validations_total{outcome=\"refused\"}";
        String before = metrics();

        given().contentType("application/json").body("{\"spec\":{\"name\":\"counted\",\"target\":\"local\"}}")
                .post("/v1/renderings").then().statusCode(200);
        given().contentType("text/plain").body("#cloud-config\nhostname: counted\n")
                .post("/v1/validations/cloud-config").then().statusCode(200);
        given().contentType("text/plain").body("#cloud-config\ncoreos:\n  units:\n  - name: a.service\n    command: begin\n")
                .post("/v1/validations/cloud-config").then().statusCode(200);
        given().contentType("text/plain").body("")
                .post("/v1/validations/cloud-config").then().statusCode(400);

        String after = metrics();
        assertEquals(counter(before, rendered) + 1, counter(after, rendered), after);
        assertEquals(counter(before, valid) + 1, counter(after, valid), after);
        assertEquals(counter(before, invalid) + 1, counter(after, invalid), after);
        assertEquals(counter(before, refused) + 1, counter(after, refused), after);
    }
}
