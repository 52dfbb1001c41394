package io.coreswarm.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The strict reading every service gets, and the violation each refusal becomes, without Jackson's names. */
class StrictJsonTest {
    record Spec(String name, Integer nodes, boolean tls, Map<String, String> labels) {
    }

    record Request(Spec spec) {
    }

    private static final ObjectMapper JSON = StrictJson.apply(new ObjectMapper());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"spec":{"nodes":2.5}}                       | spec.nodes  | must be an integer
            {"spec":{"nodes":"3"}}                       | spec.nodes  | must be an integer
            {"spec":{"nodes":"\uff13"}}                  | spec.nodes  | must be an integer
            {"spec":{"nodes":""}}                        | spec.nodes  | must be an integer
            {"spec":{"nodes":true}}                      | spec.nodes  | must be an integer
            {"spec":{"nodes":99999999999999999999}}      | spec.nodes  | out of range
            {"spec":{"tls":"true"}}                      | spec.tls    | must be true or false
            {"spec":{"tls":1}}                           | spec.tls    | must be true or false
            {"spec":{"name":5}}                          | spec.name   | must be a string
            {"spec":{"labels":{"a":1}}}                  | spec.labels.a | must be a string
            {"spec":{"name":"a","name":"b"}}             | spec.name   | must be given once
            {"spec":{"labels":{"a":"1","a":"2"}}}        | spec.labels.a | must be given once
            {"spec":{}} {"spec":{}}                      | body        | nothing after it
            {"spec":{}} x                                | body        | well-formed JSON
            {"spec":{"name":"a"                          | body        | well-formed JSON at line 1
            """)
    void isRefusedAndNamed(String json, String field, String rule) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Request.class));
        Problem.Violation v = ProblemMappers.JsonMapper.violation(e);
        assertEquals(field, v.field(), v.toString());
        assertEquals(true, v.rule().contains(rule), v.toString());
        for (String internal : new String[] { "com.fasterxml", "io.coreswarm", "Jackson", "`", "Source:", "Feature", "Constraints" }) {
            assertFalse(v.rule().contains(internal), v.rule());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"spec\":{\"name\":\"a\",\"nodes\":3,\"tls\":false,\"labels\":{\"k\":\"v\"}}}", "{\"spec\":{\"nodes\":-0}}" })
    void wellTypedJsonIsRead(String json) throws Exception {
        JSON.readValue(json, Request.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Trailing token (of type START_OBJECT) found after value (bound as `io.coreswarm.api.render.RenderingRequest`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`",
            "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)",
            "Cannot construct instance of `io.coreswarm.api.spec.ClusterSpec`, problem: x",
            "Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 9])",
            "failed in com.fasterxml.jackson.databind.ObjectMapper\n\tat x" })
    void messagesLoseImplementationNames(String message) {
        String clean = ProblemMappers.JsonMapper.clean(message);
        for (String internal : new String[] { "com.fasterxml", "io.coreswarm", "`", "Source:", "Feature", "Constraints", "\n" }) {
            assertFalse(clean.contains(internal), clean);
        }
    }
}
