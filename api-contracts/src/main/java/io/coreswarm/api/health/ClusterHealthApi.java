package io.coreswarm.api.health;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.coreswarm.api.cluster.ClusterApi;
import io.smallrye.mutiny.Multi;

/**
 * What monitor-service sees of a watched cluster (a {@link TargetApi target}): its health, a
 * {@code docker info}-like view, and the changes it saw. An unknown cluster is a 404 problem.
 */
@Path("/v1/clusters/{name}")
@Tag(name = "health", description = "Health, info and events of watched clusters")
public interface ClusterHealthApi {

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The health of the last poll (UNKNOWN with reason \"not polled yet\" before the first)")
    ClusterHealth health(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);

    @GET
    @Path("info")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The cluster as a classic swarm manager's `docker info` shows it, plus etcd")
    String info(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);

    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The changes seen so far, oldest first (the most recent ones are kept)")
    List<HealthEvent> events(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The changes as they are seen (Accept: text/event-stream)")
    Multi<HealthEvent> follow(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);
}
