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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.coreswarm.api.cluster.ClusterApi;

/**
 * Webhooks of monitor-service: each health event is POSTed to every webhook whose filter takes it,
 * signed with the webhook's secret ({@code X-Coreswarm-Signature-256: sha256=<hex HMAC-SHA256 of
 * the body>}), retried with backoff, in order per webhook. Error responses declared without a body
 * are problem+json (see {@code ContractFilter}).
 */
@Path("/v1/webhooks")
@Tag(name = "webhooks", description = "Signed HTTP deliveries of health events")
@Produces(MediaType.APPLICATION_JSON)
public interface WebhookApi {

    String BAD_NAME = "the name is not a lowercase DNS label";
    String NOT_FOUND = "no webhook of that name";

    @GET
    @Operation(operationId = "listWebhooks", summary = "Every webhook, by name (secrets show as \"set\")")
    @APIResponse(responseCode = "200", description = "every webhook, in name order")
    List<Webhook> list();

    @GET
    @Path("{name}")
    @Operation(operationId = "getWebhook", summary = "One webhook (its secret shows as \"set\")")
    @APIResponse(responseCode = "200", description = "the webhook")
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    Webhook get(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putWebhook", summary = "Create or replace a webhook; its pending deliveries are kept and go to the new URL")
    @APIResponse(responseCode = "200", description = "the webhook as stored (its secret shows as \"set\")")
    @APIResponse(responseCode = "400", description = "a field breaks its rule (each named in `violations`)")
    @APIResponse(responseCode = "409", description = "the monitor holds as many webhooks as it may")
    @APIResponse(responseCode = "413", description = "the body is larger than the service takes")
    @APIResponse(responseCode = "415", description = "the body is not `application/json`")
    Webhook put(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name,
            @Valid @NotNull(message = "a JSON webhook is required") Webhook body);

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook with its pending deliveries")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    void delete(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);

    @GET
    @Path("{name}/deliveries")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "The webhook's recent deliveries, oldest first: pending ones and the last finished ones")
    @APIResponse(responseCode = "200", description = "the deliveries")
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    List<Delivery> deliveries(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);
}
