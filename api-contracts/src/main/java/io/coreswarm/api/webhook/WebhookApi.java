package io.coreswarm.api.webhook;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.coreswarm.api.cluster.ClusterApi;

/**
 * Webhooks of monitor-service: each health event is POSTed to every webhook whose filter takes it,
 * signed with the webhook's secret ({@code X-Coreswarm-Signature-256: sha256=<hex HMAC-SHA256 of
 * the body>}), retried with backoff, in order per webhook. An unknown webhook is a 404 problem.
 */
@Path("/v1/webhooks")
@Tag(name = "webhooks", description = "Signed HTTP deliveries of health events")
@Produces(MediaType.APPLICATION_JSON)
public interface WebhookApi {

    @GET
    @Operation(summary = "Every webhook, by name (secrets show as \"set\")")
    List<Webhook> list();

    @GET
    @Path("{name}")
    @Operation(summary = "One webhook (its secret shows as \"set\")")
    Webhook get(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a webhook; its pending deliveries are kept and go to the new URL")
    Webhook put(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name,
            @Valid @NotNull(message = "a JSON webhook is required") Webhook body);

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove a webhook with its pending deliveries")
    void delete(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);

    @GET
    @Path("{name}/deliveries")
    @Operation(summary = "The webhook's recent deliveries, oldest first: pending ones and the last finished ones")
    List<Delivery> deliveries(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);
}
