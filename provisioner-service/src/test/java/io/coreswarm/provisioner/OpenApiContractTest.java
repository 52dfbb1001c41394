package io.coreswarm.provisioner;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.openapi.OpenApiContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiContractTest {
    @TestHTTPResource("/q/openapi")
    URI openapi;

    @Test
    void servedDocumentIsTheCommittedOne() {
        OpenApiContract.assertServedMatchesCommitted("provisioner-service", openapi);
    }

    @Test
    void servedDocumentFollowsTheContractRules() {
        OpenApiContract.assertFollowsTheRules(openapi);
    }
}
