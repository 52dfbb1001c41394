package io.coreswarm.api.health;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.coreswarm.api.cluster.ClusterApi;
import io.smallrye.mutiny.Multi;

/**
 * What monitor-service sees of a watched cluster (a {@link TargetApi target}): its health, a
 * {@code docker info}-like view, and the changes it saw, as a list ({@code events}) or followed
 * live ({@code events/stream}, server-sent events): two paths, so that each is an operation of its
 * own with its own response type. An unknown cluster is a 404 problem; error responses declared
 * without a body are problem+json (see {@code ContractFilter}).
 */
@Path("/v1/clusters/{name}")
@Tag(name = "health", description = "Health, info and events of watched clusters")
public interface ClusterHealthApi {
    String BAD_NAME = "the name is not a lowercase DNS label";
    String NOT_WATCHED = "no watched cluster of that name (`PUT /v1/targets/{name}` first)";

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getClusterHealth", summary = "Get a cluster's health",
            description = "The health of the last poll (UNKNOWN with reason \"not polled yet\" before the first), with the "
                    + "etcd members, swarm nodes and quorums it was judged on.")
    @APIResponse(responseCode = "200", description = "the cluster's health")
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NOT_WATCHED)
    ClusterHealth health(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);

    @GET
    @Path("info")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getClusterInfo", summary = "Get a cluster as `docker info` shows it",
            description = "The cluster as a classic swarm manager's `docker info` shows it, plus etcd and the last workload check.")
    @APIResponse(responseCode = "200", description = "`docker info`-like text")
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NOT_WATCHED)
    String info(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);

    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listClusterEvents", summary = "List the changes seen in a cluster",
            description = "Node down/up, leader and health changes seen so far, oldest first (the most recent ones are kept).")
    @APIResponse(responseCode = "200", description = "the changes, oldest first")
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NOT_WATCHED)
    List<HealthEvent> events(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);

    @GET
    @Path("events/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamClusterEvents", summary = "Follow the changes in a cluster (server-sent events)",
            description = "Each change as it is seen, one event each; the stream stays open until the client closes it.")
    @APIResponse(responseCode = "200", description = "a `text/event-stream`, one event per change",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ServerSentHealthEvent.class)))
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NOT_WATCHED)
    Multi<HealthEvent> follow(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);
}
