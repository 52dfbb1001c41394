package io.coreswarm.cli.client;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import io.coreswarm.api.problem.Problem;
import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every error answer (status 400 and above) as a {@link CliFailure}: its exit code from the
 * status, its message from the problem's title and detail and each violation's field and rule.
 * A body that is not a problem (a route the server does not have, a proxy's page) is named by
 * its status only.
 */
@RegisterForReflection(targets = { Problem.class, Problem.Violation.class })
public final class ProblemResponses implements ResponseExceptionMapper<CliFailure> {
    /** At most this much of a body is read to explain an error. */
    static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public CliFailure toThrowable(Response response) {
        return failure(response, null);
    }

    @Override
    public int getPriority() {
        return 0;
    }

    /** The failure for an error {@code response}; {@code unknownRoute}, when given, is what a 404 means (the caller knows the resource exists). */
    public static CliFailure failure(Response response, String unknownRoute) {
        int status = response.getStatus();
        String body = body(response);
        Problem problem = parse(body);
        if (status == 404 && unknownRoute != null) {
            return new CliFailure(ExitCode.FAILED, unknownRoute);
        }
        return new CliFailure(ExitCode.ofStatus(status), message(status, problem));
    }

    static String message(int status, Problem problem) {
        if (problem == null) {
            return "the service answered " + status + (status == 404 ? " (no such route: is the service up to date?)" : "");
        }
        StringBuilder text = new StringBuilder();
        text.append(problem.title() == null ? "HTTP " + status : problem.title());
        if (problem.detail() != null && !problem.detail().isBlank()) {
            text.append(": ").append(problem.detail());
        }
        List<Problem.Violation> violations = problem.violations() == null ? List.of() : problem.violations();
        if (violations.size() > 1) {
            for (Problem.Violation v : violations) {
                text.append(System.lineSeparator()).append("  ").append(v.field()).append(": ").append(v.rule());
            }
        }
        return text.toString();
    }

    private static String body(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            String text = response.readEntity(String.class);
            return text == null ? "" : text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text;
        } catch (RuntimeException e) {
            return ""; // the body is already consumed or not text: the status still says what happened
        }
    }

    private static Problem parse(String body) {
        if (body.isBlank() || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            Problem problem = JSON.readValue(body, Problem.class);
            return problem.title() == null && problem.detail() == null ? null : problem;
        } catch (Exception e) {
            return null;
        }
    }
}
