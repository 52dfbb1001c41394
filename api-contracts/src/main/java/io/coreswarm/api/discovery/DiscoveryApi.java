package io.coreswarm.api.discovery;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Self-hosted etcd discovery: the v2 protocol of the public discovery.etcd.io service, which
 * etcd's {@code --discovery <token url>} speaks. A token URL is the root of a small etcd v2 keys
 * space: {@code _config/size} holds the cluster size, each member registers one key.
 *
 * <p>String query parameters are parsed by the service, so a bad value is a 400 that names the
 * parameter rather than the 404 JAX-RS gives for a failed conversion.
 */
@Path("/v1/discovery")
@Tag(name = "discovery", description = "etcd v2 cluster discovery (the discovery.etcd.io protocol)")
public interface DiscoveryApi {

    /** Every keys response carries the store's current index, as etcd does. */
    String ETCD_INDEX = "X-Etcd-Index";

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Mint a discovery token",
            description = "Returns the token URL to pass to etcd's --discovery. The first `size` members to register form the cluster.")
    @APIResponse(responseCode = "200", description = "the token URL, `<base>/v1/discovery/<32 hex>`")
    @APIResponse(responseCode = "400", description = "size is not an integer in 1..99")
    String newToken(@QueryParam("size") @Schema(defaultValue = "3", minimum = "1", maximum = "99") String size);

    @GET
    @Path("{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a token's registered members",
            description = "With wait=true, long-polls until a member registers or leaves (or waitIndex is reached).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EtcdResponse.class)))
    @APIResponse(responseCode = "404", description = "unknown token", content = @Content(schema = @Schema(implementation = EtcdError.class)))
    CompletionStage<Response> getToken(@PathParam("token") String token,
            @QueryParam("recursive") boolean recursive,
            @QueryParam("wait") boolean wait,
            @QueryParam("waitIndex") String waitIndex);

    @GET
    @Path("{token}/{key: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a key, e.g. `_config/size` or a member",
            description = "With wait=true, long-polls until the key (or, with recursive=true, anything under it) changes at or after waitIndex. "
                    + "A poll that times out answers 200 with an empty body, which etcd's client takes as 'ask again'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EtcdResponse.class)))
    @APIResponse(responseCode = "404", description = "unknown token or key", content = @Content(schema = @Schema(implementation = EtcdError.class)))
    CompletionStage<Response> getKey(@PathParam("token") String token,
            @PathParam("key") String key,
            @QueryParam("recursive") boolean recursive,
            @QueryParam("wait") boolean wait,
            @QueryParam("waitIndex") String waitIndex);

    @PUT
    @Path("{token}/{key: .+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a member (or set any key)",
            description = "etcd registers with `PUT <token>/<member id>?prevExist=false`, form body `value=<name>=<peer url>`.")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = EtcdResponse.class)))
    @APIResponse(responseCode = "200", description = "replaced", content = @Content(schema = @Schema(implementation = EtcdResponse.class)))
    @APIResponse(responseCode = "412", description = "prevExist=false and the key exists (errorCode 105)",
            content = @Content(schema = @Schema(implementation = EtcdError.class)))
    Response put(@PathParam("token") String token,
            @PathParam("key") String key,
            @FormParam("value") String value,
            @FormParam("ttl") String formTtl,
            @QueryParam("ttl") String queryTtl,
            @QueryParam("prevExist") String prevExist);

    @DELETE
    @Path("{token}/{key: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a member's key")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EtcdResponse.class)))
    @APIResponse(responseCode = "404", description = "unknown token or key", content = @Content(schema = @Schema(implementation = EtcdError.class)))
    Response delete(@PathParam("token") String token, @PathParam("key") String key);
}
