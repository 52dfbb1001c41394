package io.coreswarm.api.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One problem in a user-data document, where it is.
 *
 * @param line   1-based line of the offending key or value
 * @param column 1-based column of the offending key or value
 * @param path   the key path as written, e.g. {@code coreos.units[2].command}; absent for problems
 *               of the document as a whole (its header, its YAML syntax)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = { "severity", "line", "column", "message" })
public record Finding(
        Severity severity,
        @Schema(example = "14") int line,
        @Schema(example = "14") int column,
        @Schema(example = "coreos.units[0].command") String path,
        @Schema(example = "invalid value \"begin\" for \"command\" (want one of start, stop, restart, reload, try-restart, reload-or-restart, reload-or-try-restart)")
        String message) {

    public static Finding error(int line, int column, String path, String message) {
        return new Finding(Severity.ERROR, line, column, path, message);
    }

    public static Finding warning(int line, int column, String path, String message) {
        return new Finding(Severity.WARNING, line, column, path, message);
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
