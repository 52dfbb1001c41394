package io.coreswarm.api.cluster;

import java.io.InputStream;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Images into a cluster without a registry, as {@code kind load image-archive} and
 * {@code k3d image import} do: the body is a {@code docker save} archive, loaded into every node's
 * dockerd at once. The archive is streamed to disk (never held in memory) and is refused with
 * {@code 413} above the provisioner's size cap.
 */
@Path("/v1/clusters/{name}/images")
@Tag(name = "clusters")
@Produces(MediaType.APPLICATION_JSON)
public interface ClusterImagesApi {
    String TAR = "application/x-tar";

    /** What a load did: the archive's size and each node's outcome. */
    record ImageLoad(String cluster, long bytes, List<NodeLoad> nodes) {
    }

    /** @param detail the images the node's dockerd reported loading, or why it failed */
    record NodeLoad(String node, boolean loaded, String detail) {
    }

    @POST
    @Consumes(TAR)
    @APIResponse(responseCode = "200", description = "loaded into every node")
    @APIResponse(responseCode = "413", description = "the archive is larger than the size cap")
    @APIResponse(responseCode = "502", description = "some node did not load it (named in the detail)")
    ImageLoad load(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name,
            InputStream archive);
}
