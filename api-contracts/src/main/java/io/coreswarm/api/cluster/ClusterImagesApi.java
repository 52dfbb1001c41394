package io.coreswarm.api.cluster;

import java.io.InputStream;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.coreswarm.api.operation.Operation;

/**
 * Images into a cluster without a registry, as {@code kind load image-archive} and
 * {@code k3d image import} do: the body is a {@code docker save} archive. It is streamed to the
 * cluster's workspace (never held in memory; {@code 413} above the provisioner's size caps, per
 * archive and in total per cluster), then an operation ({@code load_images}) loads it into every
 * node's dockerd at once, with progress (nodes done of total) and log. The archive is kept, so a
 * node added later by a scale-up gets it too.
 */
@Path("/v1/clusters/{name}/images")
@Tag(name = "clusters")
@Produces(MediaType.APPLICATION_JSON)
public interface ClusterImagesApi {
    String TAR = "application/x-tar";

    @POST
    @Consumes(TAR)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "loadClusterImages",
            summary = "Load a `docker save` archive into every node",
            description = "The archive is streamed to the cluster's workspace and kept (nodes a later scale-up adds get it "
                    + "too), then an operation (`load_images`) loads it into every node's dockerd at once.")
    @RequestBody(required = true, description = "a `docker save` archive",
            content = @Content(mediaType = TAR, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "202", description = "the archive is kept; loading into every node started: the operation, also in `Location`",
            content = @Content(schema = @Schema(implementation = Operation.class)))
    @APIResponse(responseCode = "400", description = "the name is not a lowercase DNS label, or the body is not a tar archive")
    @APIResponse(responseCode = "404", description = ClusterApi.NO_CLUSTER)
    @APIResponse(responseCode = "409", description = "the cluster runs another operation")
    @APIResponse(responseCode = "413", description = "the archive is larger than the size cap, or the cluster's archives would be")
    @APIResponse(responseCode = "415", description = "the body is not `application/x-tar`")
    Response load(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name,
            InputStream archive);
}
