package io.coreswarm.provisioner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** With the files store (the default) the only replica is this one, behind the API token like all of /v1. */
@QuarkusTest
class ReplicasFilesTest {

    @Test
    void theOnlyReplicaIsThisOne() {
        given().get("/v1/replicas").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].service", equalTo("provisioner-service"))
                .body("[0].store", equalTo("files"))
                .body("[0].self", equalTo(true));
    }

    @Test
    void theTokenIsNeeded() {
        given().header("Authorization", "Bearer not-the-token").get("/v1/replicas").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
