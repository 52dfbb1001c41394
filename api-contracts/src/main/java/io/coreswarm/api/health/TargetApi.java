package io.coreswarm.api.health;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.coreswarm.api.cluster.ClusterApi;
import io.coreswarm.api.spec.ClusterSpec;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The clusters monitor-service watches; provisioner-service registers the ones it builds. Error
 * responses declared without a body are problem+json (see {@code ContractFilter}).
 */
@Path("/v1/targets")
@Tag(name = "targets", description = "Clusters to watch")
@Produces(MediaType.APPLICATION_JSON)
public interface TargetApi {

    @GET
    @Operation(operationId = "listTargets", summary = "List the watched clusters")
    @APIResponse(responseCode = "200", description = "every target, in name order")
    List<MonitorTarget> list();

    @GET
    @Path("{name}")
    @Operation(operationId = "getTarget", summary = "Get a watched cluster's endpoints")
    @APIResponse(responseCode = "200", description = "the target")
    @APIResponse(responseCode = "400", description = ClusterHealthApi.BAD_NAME)
    @APIResponse(responseCode = "404", description = ClusterHealthApi.NOT_WATCHED)
    MonitorTarget get(@PathParam("name") @Pattern(regexp = ClusterSpec.DNS_LABEL, message = ClusterApi.NAME_RULE) String name);

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putTarget", summary = "Watch a cluster, or change what is watched of it",
            description = "Stores the target and polls it at once. `swarm` defaults to `mode`, `etcdApi` to `v3`.")
    @APIResponse(responseCode = "200", description = "the target as stored, defaults filled in")
    @APIResponse(responseCode = "400", description = "a field breaks its rule (each named in `violations`), or an endpoint "
            + "points where the monitor may not connect")
    @APIResponse(responseCode = "409", description = "the monitor watches as many targets or endpoints as it may")
    @APIResponse(responseCode = "413", description = "the body is larger than the service takes")
    @APIResponse(responseCode = "415", description = "the body is not `application/json`")
    MonitorTarget put(@PathParam("name") @Pattern(regexp = ClusterSpec.DNS_LABEL, message = ClusterApi.NAME_RULE) String name,
            @Valid @NotNull(message = "a JSON target is required") MonitorTarget body);

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deleteTarget", summary = "Stop watching a cluster",
            description = "Forgets its health, events and metrics.")
    @APIResponse(responseCode = "204", description = "no longer watched")
    @APIResponse(responseCode = "400", description = ClusterHealthApi.BAD_NAME)
    @APIResponse(responseCode = "404", description = ClusterHealthApi.NOT_WATCHED)
    void delete(@PathParam("name") @Pattern(regexp = ClusterSpec.DNS_LABEL, message = ClusterApi.NAME_RULE) String name);
}
