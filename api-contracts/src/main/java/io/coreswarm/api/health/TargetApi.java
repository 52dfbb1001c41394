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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clusters monitor-service watches; provisioner-service registers the ones it builds. */
@Path("/v1/targets")
@Tag(name = "targets", description = "Clusters to watch")
@Produces(MediaType.APPLICATION_JSON)
public interface TargetApi {

    @GET
    List<MonitorTarget> list();

    @GET
    @Path("{name}")
    MonitorTarget get(@PathParam("name") @Pattern(regexp = ClusterSpec.DNS_LABEL, message = ClusterApi.NAME_RULE) String name);

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    MonitorTarget put(@PathParam("name") @Pattern(regexp = ClusterSpec.DNS_LABEL, message = ClusterApi.NAME_RULE) String name,
            @Valid @NotNull(message = "a JSON target is required") MonitorTarget body);

    @DELETE
    @Path("{name}")
    void delete(@PathParam("name") @Pattern(regexp = ClusterSpec.DNS_LABEL, message = ClusterApi.NAME_RULE) String name);
}
