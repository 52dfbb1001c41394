package io.coreswarm.api.cluster;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.spec.ClusterSpec;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cluster lifecycle. Every change answers {@code 202 Accepted} with the {@link Operation} that
 * carries it out (also in {@code Location}); a cluster runs one operation at a time ({@code 409}).
 */
@Path("/v1/clusters")
@Tag(name = "clusters", description = "Create, scale, halt, resume and destroy clusters")
@Produces(MediaType.APPLICATION_JSON)
public interface ClusterApi {
    String NAME = ClusterSpec.DNS_LABEL;
    String NAME_RULE = "must be a lowercase DNS label";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "creation started",
            content = @Content(schema = @Schema(implementation = Operation.class)))
    Response create(@Valid @NotNull(message = "a JSON cluster spec is required") ClusterSpec body);

    @GET
    List<Cluster> list();

    @GET
    @Path("{name}")
    Cluster get(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name);

    @POST
    @Path("{name}/scale")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = Operation.class)))
    Response scale(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name,
            @Valid @NotNull(message = "a JSON body {\"nodes\": N} is required") ScaleRequest body);

    @POST
    @Path("{name}/halt")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = Operation.class)))
    Response halt(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name);

    @POST
    @Path("{name}/resume")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = Operation.class)))
    Response resume(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name);

    @DELETE
    @Path("{name}")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = Operation.class)))
    Response destroy(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name);

    /** The shells {@code env} writes for, as docker-machine's {@code env --shell}. */
    String SHELLS = "bash|zsh|fish|powershell";

    /**
     * Shell exports for a manager, as {@code eval $(docker-machine env)} users expect: DOCKER_HOST,
     * and for a TLS cluster DOCKER_TLS_VERIFY, DOCKER_CERT_PATH (the client folder on this host;
     * elsewhere, where {@code GET /certs} was unpacked) and ETCDCTL_CACERT/CERT/KEY with https
     * endpoints. {@code shell} picks the syntax (default bash), {@code unset} the form that undoes it
     * (docker-machine's {@code env -u}).
     */
    @GET
    @Path("{name}/env")
    @Produces(MediaType.TEXT_PLAIN)
    String env(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name,
            @QueryParam("shell") @Pattern(regexp = SHELLS, message = "must be one of " + SHELLS) String shell,
            @QueryParam("unset") boolean unset);
}
