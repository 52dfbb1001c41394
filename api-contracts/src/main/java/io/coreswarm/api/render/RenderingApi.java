package io.coreswarm.api.render;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Renderings: JSON, or (same operation, by {@code Accept}) a tar archive, which the document
 * declares as binary. Error responses declared without a body are problem+json (see
 * {@code ContractFilter}).
 */
@Path("/v1/renderings")
@Tag(name = "renderings", description = "A cluster spec rendered into the files that build it")
public interface RenderingApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Rendering.TAR })
    @Operation(operationId = "renderCluster", summary = "Render a spec for its target",
            description = "JSON by default; with Accept: application/x-tar a tar archive that `tar x` turns into a folder ready for `vagrant up`.")
    @APIResponse(responseCode = "200", description = "the rendering: JSON, or a tar archive of its files", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rendering.class)),
            @Content(mediaType = Rendering.TAR, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "a field of the request breaks its rule (each named in `violations`)")
    @APIResponse(responseCode = "413", description = "the body is larger than the service takes")
    @APIResponse(responseCode = "415", description = "the body is not `application/json`")
    Rendering render(@Valid @NotNull(message = "a JSON body is required") RenderingRequest body);
}
