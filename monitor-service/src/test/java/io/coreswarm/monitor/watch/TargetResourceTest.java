package io.coreswarm.monitor.watch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** PUT/GET/DELETE of targets, their defaults, files and every way a body can be wrong (400 naming the field). */
@QuarkusTest
class TargetResourceTest {
    static final Path FILES = Path.of("target", "monitor-data", "targets");

    @AfterEach
    void forget() {
        given().delete("/v1/targets/lab");
    }

    @Test
    void aTargetIsStoredWithItsDefaultsInAFileOfItsOwn() {
        given().contentType("application/json")
                .body("{\"dockerEndpoints\":[\"tcp://127.0.0.1:1\"],\"etcdEndpoints\":[\"http://127.0.0.1:1\"]}")
                .put("/v1/targets/lab").then().statusCode(200)
                .body("name", equalTo("lab")).body("swarm", equalTo("mode")).body("etcdApi", equalTo("v3"));
        given().get("/v1/targets/lab").then().statusCode(200)
                .body("dockerEndpoints", contains("tcp://127.0.0.1:1"))
                .body("etcdEndpoints", contains("http://127.0.0.1:1"));
        given().get("/v1/targets").then().statusCode(200).body("name", hasItem("lab"));
        assertTrue(Files.isRegularFile(FILES.resolve("lab.json")));

        given().delete("/v1/targets/lab").then().statusCode(204);
        assertFalse(Files.exists(FILES.resolve("lab.json")));
        given().get("/v1/targets").then().statusCode(200).body("name", not(hasItem("lab")));
        given().get("/v1/clusters/lab/health").then().statusCode(404);
    }

    /** What provisioner-service sends (MonitorRegistration) is accepted as it is. */
    @Test
    void theProvisionersShapeIsAccepted() {
        given().contentType("application/json")
                .body("{\"name\":\"lab\",\"dockerEndpoints\":[\"tcp://172.29.1.101:2375\"],"
                        + "\"etcdEndpoints\":[\"http://172.29.1.101:2379\"],\"swarm\":\"mode\",\"etcdApi\":\"v3\"}")
                .put("/v1/targets/lab").then().statusCode(200).body("name", equalTo("lab"));
    }

    @Test
    void classicAndV2AreAccepted() {
        given().contentType("application/json")
                .body("{\"dockerEndpoints\":[\"tcp://172.17.8.101:2376\",\"tcp://[::1]:2375\"],\"swarm\":\"classic\","
                        + "\"etcdEndpoints\":[\"http://localhost:2379\"],\"etcdApi\":\"v2\"}")
                .put("/v1/targets/lab").then().statusCode(200)
                .body("swarm", equalTo("classic")).body("etcdApi", equalTo("v2"));
    }

    @Test
    void unknownTargetsAre404Problems() {
        given().get("/v1/targets/nowhere-known").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no cluster named nowhere-known is watched; PUT /v1/targets/nowhere-known first"));
        given().delete("/v1/targets/nowhere-known").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/clusters/nowhere-known/health").then().statusCode(404).contentType("application/problem+json");
        given().accept("text/plain").get("/v1/clusters/nowhere-known/info").then().statusCode(404);
        given().get("/v1/clusters/nowhere-known/events").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badValuesAre400ProblemsNamingTheField() {
        invalid("{\"dockerEndpoints\":[\"tcp://127.0.0.1:1\"],\"swarm\":\"hybrid\"}", "swarm", "must be one of mode, classic");
        invalid("{\"etcdEndpoints\":[\"http://127.0.0.1:1\"],\"etcdApi\":\"v4\"}", "etcdApi", "must be one of v3, v2");
        invalid("{\"dockerEndpoints\":[\"tcp://127.0.0.1:1\",\"http://127.0.0.1:2375\"]}", "dockerEndpoints[1]",
                "must be tcp://host:port (port 1-65535; unix sockets are refused)");
        invalid("{\"dockerEndpoints\":[\"tcp://127.0.0.1:70000\"]}", "dockerEndpoints[0]",
                "must be tcp://host:port (port 1-65535; unix sockets are refused)");
        invalid("{\"etcdEndpoints\":[\"ftp://127.0.0.1:2379\"]}", "etcdEndpoints[0]",
                "must be http://host:port or https://host:port (port 1-65535)");
        invalid("{\"etcdEndpoints\":[\"http://127.0.0.1\"]}", "etcdEndpoints[0]",
                "must be http://host:port or https://host:port (port 1-65535)");
        invalid("{\"etcdEndpoints\":[null]}", "etcdEndpoints[0]", "must be an endpoint, not null");
        invalid("{\"name\":\"other\",\"etcdEndpoints\":[\"http://127.0.0.1:1\"]}", "name",
                "must be the name in the path (lab) or be left out");
        invalid("{\"swarm\":\"mode\"}", "etcdEndpoints", "a target needs at least one endpoint, here or in dockerEndpoints");
        invalid("{\"etcdEndpoints\":[\"http://127.0.0.1:1\",\"http://127.0.0.1:1\"]}", "etcdEndpoints[1]", "repeats etcdEndpoints[0]");
        invalid("{\"etcdEndpoints\":\"http://127.0.0.1:1\"}", "etcdEndpoints", "must be an array");
        given().contentType("application/json").body("{\"etcd\":[]}").put("/v1/targets/lab").then().statusCode(400)
                .body("violations[0].field", equalTo("etcd"));
        given().contentType("application/json").body("{").put("/v1/targets/lab").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("body"));
        given().contentType("application/json").body("{\"etcdEndpoints\":[\"http://127.0.0.1:1\"]}")
                .put("/v1/targets/Not_A_Label").then().statusCode(400).body("violations[0].field", equalTo("name"));
        given().get("/v1/targets/lab").then().statusCode(404);
    }

    /**
     * The swarm flavour and the etcd API are enums now: only their lowercase JSON names are read,
     * never a constant's name, an index or another case (the strings they replaced took none of these).
     */
    @Test
    void flavourAndApiAreReadByTheirJsonNamesOnly() {
        invalid("{\"dockerEndpoints\":[\"tcp://127.0.0.1:1\"],\"swarm\":\"MODE\"}", "swarm", "must be one of mode, classic");
        invalid("{\"dockerEndpoints\":[\"tcp://127.0.0.1:1\"],\"swarm\":0}", "swarm", "must be one of mode, classic");
        invalid("{\"dockerEndpoints\":[\"tcp://127.0.0.1:1\"],\"swarm\":\"1\"}", "swarm", "must be one of mode, classic");
        invalid("{\"dockerEndpoints\":[\"tcp://127.0.0.1:1\"],\"swarm\":[\"mode\"]}", "swarm", "must be one of mode, classic");
        invalid("{\"etcdEndpoints\":[\"http://127.0.0.1:1\"],\"etcdApi\":\"V3\"}", "etcdApi", "must be one of v3, v2");
        invalid("{\"etcdEndpoints\":[\"http://127.0.0.1:1\"],\"etcdApi\":1}", "etcdApi", "must be one of v3, v2");
        invalid("{\"etcdEndpoints\":[\"http://127.0.0.1:1\"],\"etcdApi\":true}", "etcdApi", "must be one of v3, v2")
                .body("detail", equalTo("etcdApi: must be one of v3, v2"));
        given().contentType("application/json")
                .body("{\"dockerEndpoints\":[\"tcp://127.0.0.1:1\"],\"swarm\":null,\"etcdApi\":null}")
                .put("/v1/targets/lab").then().statusCode(200)
                .body("swarm", equalTo("mode")).body("etcdApi", equalTo("v3"));
        given().get("/v1/targets/lab").then().statusCode(200).body("swarm", equalTo("mode")).body("etcdApi", equalTo("v3"));
    }

    static ValidatableResponse invalid(String body, String field, String rule) {
        return given().contentType("application/json").body(body).put("/v1/targets/lab").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains(field))
                .body("violations[0].rule", equalTo(rule));
    }
}
