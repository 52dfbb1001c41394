package io.coreswarm.config.render;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every bad input is a 400 problem naming the field and the rule; never a 500. */
@QuarkusTest
class RenderingRequestProblemsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "name":"Demo"                          | spec.name       | lowercase DNS label
            "name":"-demo"                         | spec.name       | lowercase DNS label
            "name":"demo; rm -rf /"                | spec.name       | lowercase DNS label
            "name":"demo","nodes":0                | spec.nodes      | at least 1
            "name":"demo","nodes":100              | spec.nodes      | at most 99
            "name":"demo","nodes":"five"           | spec.nodes      | must be an integer
            "name":"demo","memory":128             | spec.memory     | at least 256
            "name":"demo","cpus":64                | spec.cpus       | at most 32
            "name":"demo","channel":"edge"         | spec.channel    | must be one of alpha, beta, stable, lts
            "name":"demo","target":"k8s"           | spec.target     | must be one of coreos-legacy, flatcar, local
            "name":"demo","provider":"vmware"      | spec.provider   | must be one of virtualbox, libvirt, docker
            "name":"demo","provider":"virtualbox"  | spec.provider   | must be one of [docker] for target local
            "name":"demo","target":"coreos-legacy","channel":"lts" | spec.channel | lts exists only for flatcar
            "name":"demo","nodes":4,"managers":2   | spec.managers   | must be odd
            "name":"demo","nodes":1,"managers":3   | spec.managers   | must not exceed nodes
            "name":"demo","dockerPort":80          | spec.dockerPort | at least 1024
            "name":"demo","dockerPort":65534,"nodes":3 | spec.dockerPort | at most 65535
            "name":"demo","target":"flatcar","registry":true | spec.registry | only by the local target
            "name":"demo","nodez":3                | spec.nodez      | unknown field
            "name":"demo","labels":{"zone":"a\\"\\n  evil: true"} | spec.labels[zone] | label values must be
            "name":"demo","labels":{"zone":"$(reboot)"} | spec.labels[zone] | label values must be
            "name":"demo","labels":{"bad key'":"a"}  | spec.labels[bad key'] | label keys must be
            "nodes":3                              | spec.name       | must not be null
            """)
    void invalidSpecFieldIsNamed(String fields, String field, String rule) {
        given().contentType("application/json").body("{\"spec\":{" + fields + "}}")
                .when().post("/v1/renderings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field))
                .body("violations.rule", hasItem(containsString(rule)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"spec":{"name":"demo"},"subnet":"10.0.0.0/16"}                      | subnet       | IPv4 /24
            {"spec":{"name":"demo"},"discoveryUrl":"http://x/'; id"}             | discoveryUrl | http(s) URL
            {"spec":{"name":"demo"                                               | body         | well-formed JSON at line 1
            []                                                                   | body         | must be an object
            {}                                                                   | spec         | must be given
            """)
    void invalidRequestIsNamed(String body, String field, String rule) {
        given().contentType("application/json").body(body)
                .when().post("/v1/renderings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("violations.rule", hasItem(containsString(rule)));
    }

    @Test
    void emptyBodyIsNamed() {
        given().contentType("application/json")
                .when().post("/v1/renderings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        String big = "{\"spec\":{\"name\":\"demo\"},\"x\":\"" + "a".repeat(300_000) + "\"}";
        given().contentType("application/json").body(big)
                .when().post("/v1/renderings")
                .then().statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void wrongMediaTypeAndUnknownPathsAreProblemsToo() {
        given().contentType("text/plain").body("name: demo")
                .when().post("/v1/renderings")
                .then().statusCode(415).contentType("application/problem+json");
        given().when().get("/v1/nothing")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
