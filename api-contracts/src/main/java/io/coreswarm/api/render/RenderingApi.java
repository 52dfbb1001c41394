package io.coreswarm.api.render;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/renderings")
@Tag(name = "renderings", description = "A cluster spec rendered into the files that build it")
public interface RenderingApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Rendering.TAR })
    @Operation(summary = "Render a spec for its target",
            description = "JSON by default; with Accept: application/x-tar a tar archive that `tar x` turns into a folder ready for `vagrant up`.")
    Rendering render(@Valid @NotNull(message = "a JSON body is required") RenderingRequest body);
}
