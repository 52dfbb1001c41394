package io.coreswarm.api.cluster;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.coreswarm.api.operation.Operation;

/**
 * The workload check on demand (the one a create, resume and scale-up end with): an operation
 * ({@code check}) whose result lands on the cluster as its {@code WorkloadsReady} and capability
 * conditions, and is told to monitor-service. The operation fails, naming the nodes, when
 * workloads do not run everywhere; the cluster's phase stays as it was.
 */
@Path("/v1/clusters/{name}/checks")
@Tag(name = "clusters")
@Produces(MediaType.APPLICATION_JSON)
public interface ClusterChecksApi {

    @POST
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "checkClusterWorkloads",
            summary = "Check that workloads run on every node",
            description = "An operation (`check`): a global probe service on an overlay network must run on every node and "
                    + "each task must reach every other. Its result becomes the cluster's conditions.")
    @APIResponse(responseCode = "202", description = "the check started: the operation, also in `Location`",
            content = @Content(schema = @Schema(implementation = Operation.class)))
    @APIResponse(responseCode = "400", description = ClusterApi.BAD_NAME)
    @APIResponse(responseCode = "404", description = ClusterApi.NO_CLUSTER)
    @APIResponse(responseCode = "409", description = "the cluster runs another operation, or is halted")
    Response check(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);
}
