package io.coreswarm.api.replica;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The live replicas of the service that answers; every service serves it. */
@Path("/v1/replicas")
@Tag(name = "replicas", description = "The processes serving this service")
@Produces(MediaType.APPLICATION_JSON)
public interface ReplicaApi {

    @GET
    @Operation(operationId = "listReplicas", summary = "List this service's live replicas and what each holds",
            description = "With `coreswarm.store=files` only the replica that answers. With `etcd` every replica whose lease "
                    + "is alive, in id order; a replica that died drops out within one lease TTL.")
    @APIResponse(responseCode = "200", description = "the live replicas, in id order")
    @APIResponse(responseCode = "503", description = "the state store did not answer")
    List<Replica> list();
}
