package io.coreswarm.api.cluster;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
 * docker-machine's {@code regenerate-certs}: an operation ({@code regenerate_certs}) that issues
 * every node a new certificate and key (the CA and client certificate too with {@code "ca": true}),
 * restarts each node's dockerd and etcd with them (node by node with the same CA, so etcd and the
 * swarm keep their quorum; all at once with a new CA, which the old certificates do not trust),
 * then waits for etcd and the swarm, checks workloads and tells monitor-service.
 */
@Path("/v1/clusters/{name}/regenerate-certs")
@Tag(name = "clusters")
@Produces(MediaType.APPLICATION_JSON)
public interface ClusterRegenerateCertsApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "regenerateClusterCerts",
            summary = "Renew the nodes' certificates (and the CA with {\"ca\": true}) without losing the cluster")
    @APIResponse(responseCode = "202", description = "regeneration started",
            content = @Content(schema = @Schema(implementation = Operation.class)))
    @APIResponse(responseCode = "400", description = "the name is not a lowercase DNS label, or the body breaks its rule")
    @APIResponse(responseCode = "404", description = ClusterApi.NO_CLUSTER)
    @APIResponse(responseCode = "409", description = "the cluster runs another operation, is halted, or is open (\"tls\": false)")
    @APIResponse(responseCode = "413", description = "the body is larger than the service takes")
    @APIResponse(responseCode = "415", description = "the body is not `application/json`")
    Response regenerate(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name,
            RegenerateCertsRequest body);
}
