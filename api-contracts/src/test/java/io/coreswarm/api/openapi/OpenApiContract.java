package io.coreswarm.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.testsupport.TestApiToken;

/**
 * The OpenAPI document a service serves must be the one committed under
 * {@code api-contracts/openapi/}: a change of contract is a reviewed change of that file.
 * Run a service's tests with {@code -Dopenapi.update=true} to rewrite it.
 *
 * <p>It must also keep the rules a client generator relies on ({@link #assertFollowsTheRules}),
 * whatever the snapshot says.
 */
public final class OpenApiContract {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final String SCHEMAS = "#/components/schemas/";

    private OpenApiContract() {
    }

    public static void assertServedMatchesCommitted(String service, URI servedDocument) {
        Path committed = Path.of("..", "api-contracts", "openapi", service + ".yaml");
        try {
            String served = get(servedDocument);
            if (Boolean.getBoolean("openapi.update")) {
                Files.writeString(committed, served);
            }
            String expected = Files.exists(committed) ? Files.readString(committed) : "(missing " + committed + ")";
            assertEquals(expected, served, "the served OpenAPI document drifted from " + committed
                    + "; if the change is intended, run the tests with -Dopenapi.update=true and commit the file");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every operation has a camelCase {@code operationId}, unique in the document, and a summary;
     * every response a description; every error response a body: a {@code Problem} as
     * {@code application/problem+json}, or (etcd discovery only) an {@code EtcdError}; every
     * operation but discovery's token paths requires the bearer token and says it may answer 401,
     * those paths require none; a server-sent event stream is an operation of its own whose schema
     * is the event's; tar bodies are binary; and the document holds only the schemas its operations
     * reach. Reads the document as JSON ({@code ?format=json}).
     */
    public static void assertFollowsTheRules(URI servedDocument) {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(get(URI.create(servedDocument + "?format=json")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(List.of(), rulesBrokenBy(doc), "the OpenAPI document breaks the contract's rules");
    }

    /** What {@link #assertFollowsTheRules} finds wrong with a document, one line each. */
    static List<String> rulesBrokenBy(JsonNode doc) {
        List<String> broken = new ArrayList<>();
        if (!"bearer".equals(doc.path("components").path("securitySchemes").path(ContractFilter.BEARER).path("scheme").asText())) {
            broken.add("no bearer security scheme");
        }
        Set<String> ids = new HashSet<>();
        Deque<JsonNode> reachable = new ArrayDeque<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            boolean open = path.getKey().startsWith(ContractFilter.PUBLIC_PATHS);
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                reachable.add(operation);
                String id = operation.path("operationId").asText();
                if (!id.matches("[a-z][A-Za-z0-9]*") || !ids.add(id)) {
                    broken.add(where + ": operationId '" + id + "' is missing, not camelCase or not unique");
                }
                if (operation.path("summary").asText().isBlank()) {
                    broken.add(where + ": no summary");
                }
                JsonNode security = operation.path("security");
                if (open ? !(security.isArray() && security.isEmpty())
                        : !(security.size() == 1 && security.get(0).has(ContractFilter.BEARER))) {
                    broken.add(where + ": security is " + security + (open ? ", not none" : ", not the bearer token"));
                }
                if (!open && !operation.path("responses").has("401")) {
                    broken.add(where + ": requires the token but declares no 401");
                }
                responses(where, path.getKey(), operation.path("responses"), broken);
            }
        }
        Set<String> reached = reachedSchemas(doc, reachable);
        Set<String> declared = new TreeSet<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(declared::add);
        declared.removeAll(reached);
        if (!declared.isEmpty()) {
            broken.add("schemas no operation uses: " + declared);
        }
        return broken;
    }

    private static void responses(String where, String path, JsonNode responses, List<String> broken) {
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> response = it.next();
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (response.getValue().path("description").asText().isBlank()) {
                broken.add(where + " " + status + ": no description");
            }
            if (content.has("text/event-stream")) {
                String ref = content.path("text/event-stream").path("schema").path("$ref").asText();
                if (content.size() != 1 || !ref.startsWith(SCHEMAS + "ServerSent")) {
                    broken.add(where + " " + status + ": an event stream must be the response's only body, its schema the event's");
                }
            }
            if (content.has("application/x-tar")) {
                JsonNode tar = content.path("application/x-tar").path("schema");
                if (!"string".equals(tar.path("type").asText()) || !"binary".equals(tar.path("format").asText())) {
                    broken.add(where + " " + status + ": a tar body must be binary, not " + tar);
                }
            }
            if (!status.startsWith("4") && !status.startsWith("5")) {
                continue;
            }
            if (content.isEmpty()) {
                broken.add(where + " " + status + ": an error without a body");
            }
            for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext();) {
                Map.Entry<String, JsonNode> type = types.next();
                String ref = type.getValue().path("schema").path("$ref").asText();
                boolean problem = type.getKey().equals("application/problem+json") && ref.equals(SCHEMAS + "Problem");
                boolean etcd = path.startsWith("/v1/discovery/") && type.getKey().equals("application/json")
                        && ref.equals(SCHEMAS + "EtcdError");
                if (!problem && !etcd) {
                    broken.add(where + " " + status + ": an error body must be a Problem as application/problem+json, not "
                            + type.getKey() + " " + ref);
                }
            }
        }
    }

    /** The names of the schemas the operations refer to, directly or through other schemas. */
    private static Set<String> reachedSchemas(JsonNode doc, Deque<JsonNode> todo) {
        Set<String> reached = new HashSet<>();
        JsonNode schemas = doc.path("components").path("schemas");
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.has("$ref") && node.get("$ref").asText().startsWith(SCHEMAS)) {
                String name = node.get("$ref").asText().substring(SCHEMAS.length());
                if (reached.add(name) && schemas.has(name)) {
                    todo.push(schemas.get(name));
                }
            }
            node.elements().forEachRemaining(todo::push);
        }
        return reached;
    }

    private static String get(URI uri) throws IOException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", TestApiToken.HEADER).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
