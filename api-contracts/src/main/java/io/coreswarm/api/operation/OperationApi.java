package io.coreswarm.api.operation;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Multi;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operations are resources: poll them, follow their log, cancel them. Error responses declared
 * without a body are problem+json (see {@code ContractFilter}).
 */
@Path("/v1/operations")
@Tag(name = "operations", description = "Asynchronous cluster operations")
@Produces(MediaType.APPLICATION_JSON)
public interface OperationApi {

    String NO_OPERATION = "no operation of that id";

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listOperations", summary = "List operations",
            description = "Oldest first; with `cluster`, only that cluster's.")
    @APIResponse(responseCode = "200", description = "the operations")
    List<Operation> list(@QueryParam("cluster") String cluster);

    @GET
    @Path("{id}")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getOperation", summary = "Get an operation",
            description = "Its state, progress (step, nodes done of total) and error.")
    @APIResponse(responseCode = "200", description = "the operation")
    @APIResponse(responseCode = "404", description = NO_OPERATION)
    Operation get(@PathParam("id") String id);

    /**
     * The operation's log as Server-Sent Events ({@code curl -N}): what was logged so far, then each
     * new line as it is written, ending when the operation has finished.
     */
    @GET
    @Path("{id}/log")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "streamOperationLog",
            summary = "Follow an operation's log (server-sent events)",
            description = "What was logged so far, then each new line as it is written, one event per line; the stream "
                    + "ends when the operation has finished.")
    @APIResponse(responseCode = "200", description = "a `text/event-stream`, one event per log line",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ServerSentLogLine.class)))
    @APIResponse(responseCode = "404", description = NO_OPERATION)
    Multi<String> log(@PathParam("id") String id);

    /** Stops the operation and the whole Vagrant process tree under it. */
    @POST
    @Path("{id}/cancel")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "cancelOperation", summary = "Cancel a running operation",
            description = "Stops the operation and the whole Vagrant process tree under it; it ends `cancelled`.")
    @APIResponse(responseCode = "200", description = "the operation, its cancel requested: it ends `cancelled` once its processes have stopped")
    @APIResponse(responseCode = "404", description = NO_OPERATION)
    @APIResponse(responseCode = "409", description = "the operation is not running")
    Operation cancel(@PathParam("id") String id);
}
