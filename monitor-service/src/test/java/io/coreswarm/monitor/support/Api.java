package io.coreswarm.monitor.support;

import io.coreswarm.testsupport.Await;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.restassured.path.json.JsonPath;

/** monitor-service over HTTP, as its callers use it. */
public final class Api {
    private Api() {
    }

    public static void putTarget(String name, List<String> docker, List<String> etcd, String swarm, String etcdApi) {
        given().contentType("application/json")
                .body(Map.of("dockerEndpoints", docker, "etcdEndpoints", etcd, "swarm", swarm, "etcdApi", etcdApi))
                .put("/v1/targets/" + name).then().statusCode(200);
    }

    public static void deleteTarget(String name) {
        given().delete("/v1/targets/" + name);
    }

    public static JsonPath health(String name) {
        return given().get("/v1/clusters/" + name + "/health").then().statusCode(200).extract().jsonPath();
    }

    public static String info(String name) {
        return given().accept("text/plain").get("/v1/clusters/" + name + "/info").then().statusCode(200).extract().asString();
    }

    public static JsonPath events(String name) {
        return given().accept("application/json").get("/v1/clusters/" + name + "/events").then().statusCode(200).extract().jsonPath();
    }

    public static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Polls the health until it satisfies the condition. */
    public static JsonPath awaitHealth(String name, String what, Duration limit, Predicate<JsonPath> done) {
        return Await.until(name + " " + what, limit, () -> new Printed(health(name)), p -> done.test(p.json)).json;
    }

    public static JsonPath awaitStatus(String name, String status, Duration limit) {
        return awaitHealth(name, "status " + status, limit, h -> status.equals(h.getString("status")));
    }

    /** A health document that prints as its JSON, for failure messages. */
    private record Printed(JsonPath json) {
        @Override
        public String toString() {
            return json.prettify();
        }
    }
}
