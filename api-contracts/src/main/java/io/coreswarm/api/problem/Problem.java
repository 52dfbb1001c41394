package io.coreswarm.api.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 7807 problem details, the body of every error coreswarm returns
 * ({@code application/problem+json}). {@code violations} names each bad field and the rule it broke.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "RFC 7807 problem details", requiredProperties = { "type", "title", "status" })
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One broken rule: {@code field} is a JSON path into the request such as {@code spec.nodes}. */
    @Schema(requiredProperties = { "field", "rule" })
    public record Violation(String field, String rule) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    public static Problem invalid(List<Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).rule()
                : violations.size() + " fields are invalid";
        return new Problem("about:blank", "Invalid request", 400, detail, null, List.copyOf(violations));
    }
}
