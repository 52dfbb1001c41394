package io.coreswarm.provisioner.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.coreswarm.testsupport.H2cClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A body sent in an h2c upgrade request (the JDK client's default, {@code curl --http2}) is read
 * as over HTTP/1.1: the service answers the request itself (a 400 for this empty body), not a
 * 500 from Vert.x, which cannot hand an upgraded request's body to Quarkus REST. The services serve
 * plain HTTP only, so {@code quarkus.http.http2=false} costs nothing.
 */
@QuarkusTest
class H2cUpgradeTest {
    @Test
    void aBodyInAnUpgradeRequestIsReadAsOverHttp11() {
        HttpResponse<String> r = H2cClient.send("POST", "http://localhost:" + RestAssured.port + "/v1/clusters", "{}");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, r.version());
    }
}
