package io.coreswarm.config.validation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;

@QuarkusTest
class CloudConfigValidationResourceTest {
    private static final String PATH = "/v1/validations/cloud-config";

    /** Content-Type exactly as given, no "; charset=..." appended: what curl sends. */
    private static final RestAssuredConfig AS_GIVEN = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/yaml", "text/yaml", "text/cloud-config", "application/octet-stream" })
    void theSeedUserDataIsValid(String contentType) throws IOException {
        // bytes: rest-assured refuses to encode a String for some of these types
        given().config(AS_GIVEN).contentType(contentType).body(SeedUserData.asFile().getBytes(StandardCharsets.UTF_8))
                .when().post(PATH)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("valid", is(true))
                .body("format", is("cloud-config"))
                .body("findings", hasSize(1))
                .body("findings[0].severity", is("warning"))
                .body("findings[0].line", is(5))
                .body("findings[0].column", is(3))
                .body("findings[0].path", is("coreos.etcd2"));
    }

    /**
     * {@code curl --data-binary @user-data URL} sends application/x-www-form-urlencoded. The body
     * must arrive as written: a form decoder would turn these +, % and & into something else.
     */
    @Test
    void curlsDefaultContentTypeIsReadAsTheRawDocument() {
        given().config(AS_GIVEN).contentType("application/x-www-form-urlencoded")
                .body("#cloud-config\nhostname: a+b\nx+y&z%41=1: on\n")
                .when().post(PATH)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("valid", is(true))
                .body("findings", hasSize(1))
                .body("findings[0].path", is("x+y&z%41=1"))
                .body("findings[0].line", is(3))
                .body("findings[0].message", is("unrecognized key \"x+y&z%41=1\""));
    }

    @Test
    void errorsMakeTheDocumentInvalid() {
        given().config(AS_GIVEN).contentType("text/plain")
                .body("#cloud-config\ncoreos:\n  units:\n  - name: a.service\n    command: begin\n")
                .when().post(PATH)
                .then().statusCode(200)
                .body("valid", is(false))
                .body("findings[0].severity", is("error"))
                .body("findings[0].line", is(5))
                .body("findings[0].column", is(14))
                .body("findings[0].path", is("coreos.units[0].command"))
                .body("findings[0].keySet()", containsInAnyOrder("severity", "line", "column", "path", "message"));
    }

    @Test
    void aWholeDocumentProblemHasNoPath() {
        given().config(AS_GIVEN).contentType("text/plain").body("hostname: a\n")
                .when().post(PATH)
                .then().statusCode(200)
                .body("valid", is(false))
                .body("format", is("unrecognized"))
                .body("findings[0].containsKey('path')", is(false))
                .body("findings[0].message", startsWith("must be \"#cloud-config\""));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        given().config(AS_GIVEN).contentType("application/x-www-form-urlencoded").body("")
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400))
                .body("violations[0].field", is("body"));
    }
}
