package io.coreswarm.api.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.jboss.logging.Logger;

/**
 * Turns every failure into {@code application/problem+json}, so no caller ever sees a stack trace
 * or a framework's own error page. Shared by all three services (they index this module).
 */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return respond(e.problem());
        }
    }

    /** Bean Validation failures, one violation per broken rule, fields as JSON paths. */
    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.Violation> violations = e.getConstraintViolations().stream()
                    .map(v -> new Problem.Violation(field(v), v.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field()))
                    .toList();
            return respond(Problem.invalid(violations));
        }

        /**
         * {@code render.request.spec.labels[k].<map value>} becomes {@code spec.labels[k]}: a body
         * parameter is the root of the JSON document, a query or path parameter is named as such.
         */
        static String field(ConstraintViolation<?> v) {
            List<Path.Node> nodes = new ArrayList<>();
            v.getPropertyPath().forEach(nodes::add);
            StringBuilder field = new StringBuilder();
            for (int i = 0; i < nodes.size(); i++) {
                Path.Node node = nodes.get(i);
                switch (node.getKind()) {
                    case PARAMETER -> {
                        if (i == nodes.size() - 1) {
                            field.append(node.getName());
                        }
                    }
                    case PROPERTY -> field.append(field.length() == 0 ? "" : ".").append(node.getName());
                    case CONTAINER_ELEMENT -> {
                        if (node.getKey() != null) {
                            field.append('[').append(node.getKey()).append(']');
                        } else if (node.getIndex() != null) {
                            field.append('[').append(node.getIndex()).append(']');
                        }
                    }
                    default -> {
                    }
                }
            }
            return field.length() == 0 ? "body" : field.toString();
        }
    }

    /**
     * Wrong types, unknown fields and enum values out of range. Declared for the exact type that
     * Quarkus REST's own Jackson mapper handles, so that this one takes precedence.
     */
    @Provider
    public static class JsonInputMapper implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return respond(Problem.invalid(List.of(JsonMapper.violation(e))));
        }
    }

    /** Malformed JSON and any other Jackson failure while reading a body. */
    @Provider
    public static class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return respond(Problem.invalid(List.of(violation(e))));
        }

        static Problem.Violation violation(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException u) {
                return new Problem.Violation(path(u), "unknown field; known fields are "
                        + new java.util.TreeSet<>(u.getKnownPropertyIds().stream().map(String::valueOf).toList()));
            }
            if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
                String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
                return new Problem.Violation(path(f), "must be one of " + allowed);
            }
            if (e instanceof JsonMappingException && e.getCause() instanceof StreamReadException parse) {
                e = parse; // a parse error met while binding: where it is in the text is what helps
            }
            String message = String.valueOf(e.getOriginalMessage());
            if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
                return new Problem.Violation("body", "must be one JSON document with nothing after it");
            }
            if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
                return new Problem.Violation(path(m), "must be " + describe(m.getTargetType()));
            }
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                return new Problem.Violation(path(m), "cannot be read: " + clean(message));
            }
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            JsonParser parser = e instanceof StreamReadException s ? s.getProcessor() : null;
            var duplicate = java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(message);
            if (parser != null && duplicate.lookingAt()) {
                String name = duplicate.group(1);
                String at = path(parser.getParsingContext());
                String field = at.equals(name) || at.endsWith("." + name) ? at : at.isEmpty() ? name : at + "." + name;
                return new Problem.Violation(field, "must be given once; the document gives it twice");
            }
            // a number out of its type's range is named by its field; any other syntax error by its place
            String field = parser != null && e instanceof com.fasterxml.jackson.core.exc.InputCoercionException
                    ? path(parser.getParsingContext()) : "";
            field = field.isEmpty() ? "body" : field;
            return new Problem.Violation(field, "must be well-formed JSON" + where + ": " + clean(message));
        }

        /**
         * Jackson's message without what belongs to the implementation: qualified class names,
         * the feature or constraint that caught it, anything after the first line.
         */
        static String clean(String message) {
            String m = message.lines().findFirst().orElse("").trim();
            m = m.replaceAll("\\(start marker at \\[Source:[^;\\]]*; line: (\\d+), column: (\\d+)\\]\\)", "(opened at line $1, column $2)")
                    .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                    .replaceAll("\\s*\\((bound as|from) `[^`]*`\\)", "")
                    .replaceAll(",? ?(from|as per) `[^`]*`", "")
                    .replaceAll("`[A-Za-z_$][\\w$]*(\\.[\\w$]+)+`", "the value")
                    .replaceAll("\\b([a-z_][\\w]*\\.)+[A-Z][\\w$]*", "the value");
            return m.isEmpty() ? "cannot be read" : m;
        }

        /** Where the parser stood: {@code spec.nodes}, {@code spec.labels.k}, empty at the top. */
        private static String path(JsonStreamContext at) {
            List<String> parts = new ArrayList<>();
            for (JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) {
                    parts.add(0, "." + c.getCurrentName());
                } else if (c.inArray()) {
                    parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
                }
            }
            String path = String.join("", parts);
            return path.startsWith(".") ? path.substring(1) : path;
        }

        private static String path(JsonMappingException e) {
            StringBuilder b = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                if (r.getFieldName() != null) {
                    if (b.length() > 0) {
                        b.append('.');
                    }
                    b.append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    b.append('[').append(r.getIndex()).append(']');
                }
            }
            return b.length() == 0 ? "body" : b.toString();
        }

        private static String describe(Class<?> type) {
            if (type == int.class || type == long.class || type == short.class || type == Integer.class
                    || type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
                return "an integer";
            }
            if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
                return "a number";
            }
            if (type == boolean.class || type == Boolean.class) {
                return "true or false";
            }
            if (type == String.class) {
                return "a string";
            }
            if (java.util.Map.class.isAssignableFrom(type)) {
                return "an object of string values";
            }
            if (java.util.Collection.class.isAssignableFrom(type)) {
                return "an array";
            }
            return "an object";
        }
    }

    /** Errors the framework raises itself (404, 405, 406, 413, 415) keep their status but speak problem+json. */
    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                return respond(Problem.invalid(List.of(JsonMapper.violation(json))));
            }
            Response r = e.getResponse();
            if (r.hasEntity() && Problem.MEDIA_TYPE.equals(String.valueOf(r.getMediaType()))) {
                return r;
            }
            int status = r.getStatus();
            return respond(Problem.of(status, r.getStatusInfo().getReasonPhrase(), JsonMapper.clean(String.valueOf(e.getMessage()))));
        }
    }

    /** Anything unforeseen: logged in full here under an error id, answered without internals. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception e) {
            String id = java.util.UUID.randomUUID().toString();
            LOG.errorf(e, "unexpected failure, error id %s", id);
            return respond(Problem.of(500, "Internal Server Error",
                    "the server failed unexpectedly; its log tells more under error id " + id));
        }
    }
}
