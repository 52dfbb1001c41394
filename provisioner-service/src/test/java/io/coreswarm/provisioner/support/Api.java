package io.coreswarm.provisioner.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;

import io.coreswarm.testsupport.Await;
import io.restassured.path.json.JsonPath;

/** The provisioner's HTTP API as a test drives it: start an operation, wait for it to end. */
public final class Api {
    private Api() {
    }

    /** POSTs (or DELETEs) and returns the id of the operation the 202 carries. */
    public static String start(String method, String path, String body) {
        var request = given().contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, path).then().statusCode(202).extract().path("id");
    }

    /** Waits for the operation to finish and returns it; fails with its error if it did not succeed. */
    public static JsonPath await(String operation, Duration timeout) {
        JsonPath op = awaitEnd(operation, timeout);
        if (!op.getString("state").equals("succeeded")) {
            throw new AssertionError("operation " + operation + " ended " + op.getString("state") + ": " + op.getString("error"));
        }
        return op;
    }

    /** Waits for the operation to end, however it ends, and returns it. */
    public static JsonPath awaitEnd(String operation, Duration timeout) {
        return Await.until("operation " + operation + " to end", timeout, Duration.ofMillis(500),
                () -> given().when().get("/v1/operations/" + operation).then().statusCode(200).extract().jsonPath(),
                op -> !List.of("queued", "running").contains(op.getString("state")));
    }
}
