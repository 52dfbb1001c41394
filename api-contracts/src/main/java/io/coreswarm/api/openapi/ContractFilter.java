package io.coreswarm.api.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.coreswarm.api.problem.Problem;

/**
 * Finishes each service's OpenAPI document with what holds for every operation, so that the
 * interfaces' annotations say only what is particular to each:
 * <ul>
 * <li>the {@code bearer} security scheme ({@code Authorization: Bearer <token>}), required by every
 * operation but the etcd discovery protocol's token paths ({@code /v1/discovery/{token}...}, which
 * etcd members call knowing only the token URL), and a 401 on each operation that requires it;</li>
 * <li>every error response an annotation declares without a body is a {@link Problem} as
 * {@code application/problem+json}, since {@code ProblemMappers} and {@code HttpEdges} answer every
 * error so (discovery's etcd-protocol errors declare their own {@code EtcdError} body and are left
 * as they are);</li>
 * <li>only the schemas the document's operations reach are kept: the services share the
 * api-contracts jar, and every class in it annotated with {@code @Schema} would otherwise be listed
 * in all three documents (and a {@code type} SmallRye writes beside a {@code $ref} is dropped).</li>
 * </ul>
 */
public class ContractFilter implements OASFilter {
    /** The name of the security scheme in {@code components.securitySchemes}. */
    public static final String BEARER = "bearer";
    /** Paths below this one (a discovery token's keys) are called without a token. */
    public static final String PUBLIC_PATHS = "/v1/discovery/{token}";
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("The API token: `Authorization: Bearer <token>`. Every operation needs it but the etcd "
                        + "discovery protocol's token paths (`/v1/discovery/{token}...`), which etcd members call "
                        + "knowing only the token URL, and `/q/health`."));
        openAPI.setSecurity(List.of(requirement()));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                boolean open = path.equals(PUBLIC_PATHS) || path.startsWith(PUBLIC_PATHS + "/");
                item.getOperations().values().forEach(operation -> finish(operation, open));
            });
        }
        keepReachableSchemas(openAPI);
    }

    private static SecurityRequirement requirement() {
        return OASFactory.createSecurityRequirement().addScheme(BEARER);
    }

    private static void finish(Operation operation, boolean open) {
        if (open) {
            // an empty list, not the document's default: no token is asked for
            operation.setSecurity(new ArrayList<>());
        } else {
            operation.setSecurity(List.of(requirement()));
            if (!operation.getResponses().hasAPIResponse("401")) {
                operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse()
                        .description("no API token, or not the service's (`Authorization: Bearer <token>`)"));
            }
        }
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
            APIResponse r = response.getValue();
            if (error && r.getRef() == null && (r.getContent() == null || r.getContent().getMediaTypes().isEmpty())) {
                r.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + "Problem"))));
            }
        }
        // in status order, wherever the 401 was added
        operation.getResponses().setAPIResponses(new TreeMap<>(operation.getResponses().getAPIResponses()));
    }

    /** Removes every schema no path reaches, directly or through other schemas. */
    private static void keepReachableSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || schemas.isEmpty()) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> add(todo, p.getSchema()));
                    }
                    RequestBody body = operation.getRequestBody();
                    if (body != null) {
                        addAll(todo, body.getContent());
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> addAll(todo, r.getContent()));
                    }
                }
            }
        }
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            String ref = schema.getRef();
            if (ref != null && schema.getType() != null) {
                // SmallRye writes the type of an annotated enum or record beside its $ref: it is the
                // referenced schema's, and generators warn that they drop it
                schema.setType(null);
            }
            if (ref != null && ref.startsWith(SCHEMAS)) {
                String name = ref.substring(SCHEMAS.length());
                if (reached.add(name) && schemas.containsKey(name)) {
                    add(todo, schemas.get(name));
                }
            }
            add(todo, schema.getItems());
            add(todo, schema.getNot());
            add(todo, schema.getContentSchema());
            if (schema.getAdditionalPropertiesSchema() != null) {
                add(todo, schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
                    schema.getPrefixItems())) {
                if (list != null) {
                    list.forEach(s -> add(todo, s));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(s -> add(todo, s));
            }
        }
        for (String name : List.copyOf(schemas.keySet())) {
            if (!reached.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    private static void addAll(Deque<Schema> todo, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType type : content.getMediaTypes().values()) {
                add(todo, type.getSchema());
            }
        }
    }

    private static void add(Deque<Schema> todo, Schema schema) {
        if (schema != null) {
            todo.push(schema);
        }
    }
}
