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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations are resources: poll them, follow their log, cancel them. */
@Path("/v1/operations")
@Tag(name = "operations", description = "Asynchronous cluster operations")
@Produces(MediaType.APPLICATION_JSON)
public interface OperationApi {

    @GET
    List<Operation> list(@QueryParam("cluster") String cluster);

    @GET
    @Path("{id}")
    Operation get(@PathParam("id") String id);

    /**
     * The operation's log as Server-Sent Events ({@code curl -N}): what was logged so far, then each
     * new line as it is written, ending when the operation has finished.
     */
    @GET
    @Path("{id}/log")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<String> log(@PathParam("id") String id);

    /** Stops the operation and the whole Vagrant process tree under it. */
    @POST
    @Path("{id}/cancel")
    Operation cancel(@PathParam("id") String id);
}
