package io.coreswarm.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The rules the services' documents are held to catch what the documents got wrong before them. */
class OpenApiContractRulesTest {

    @Test
    void aDocumentAsTheServicesServedThemBeforeBreaksEveryRule() throws Exception {
        // the shape of the old monitor document: no ids, JSON and SSE in one response, an error
        // without a body, no security, another service's schema
        JsonNode doc = new ObjectMapper().readTree("""
                {"paths": {"/v1/clusters/{name}/events": {"get": {"responses": {
                    "200": {"description": "OK", "content": {
                        "text/event-stream": {"schema": {"$ref": "#/components/schemas/HealthEvent"}},
                        "application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/HealthEvent"}}}}},
                    "404": {"description": "unknown"}}}},
                  "/v1/renderings": {"post": {"operationId": "render", "summary": "Render", "security": [{"bearer": []}],
                    "responses": {"200": {"content": {"application/x-tar": {"schema": {"$ref": "#/components/schemas/HealthEvent"}}}},
                      "401": {"description": "no token", "content": {"application/json": {"schema": {"type": "object"}}}}}}}},
                 "components": {"schemas": {"HealthEvent": {"type": "object"}, "EtcdNode": {"type": "object"}}}}
                """);
        assertEquals(List.of(
                "no bearer security scheme",
                "GET /v1/clusters/{name}/events: operationId '' is missing, not camelCase or not unique",
                "GET /v1/clusters/{name}/events: no summary",
                "GET /v1/clusters/{name}/events: security is , not the bearer token",
                "GET /v1/clusters/{name}/events: requires the token but declares no 401",
                "GET /v1/clusters/{name}/events 200: an event stream must be the response's only body, its schema the event's",
                "GET /v1/clusters/{name}/events 404: an error without a body",
                "POST /v1/renderings 200: no description",
                "POST /v1/renderings 200: a tar body must be binary, not {\"$ref\":\"#/components/schemas/HealthEvent\"}",
                "POST /v1/renderings 401: an error body must be a Problem as application/problem+json, not application/json ",
                "schemas no operation uses: [EtcdNode]"),
                OpenApiContract.rulesBrokenBy(doc));
    }
}
