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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.coreswarm.api.problem.Problem;

/**
 * Self-hosted etcd discovery: the v2 protocol of the public discovery.etcd.io service, which
 * etcd's {@code --discovery <token url>} speaks. A token URL is the root of a small etcd v2 keys
 * space: {@code _config/size} holds the cluster size, each member registers one key.
 *
 * <p>String query parameters are parsed by the service, so a bad value is a 400 that names the
 * parameter rather than the 404 JAX-RS gives for a failed conversion.
 *
 * <p>Errors come in two shapes: the protocol's outcomes in etcd's own ({@link EtcdError}, which
 * etcd's client branches on), and refusals of the request itself (bad parameters, caps) as
 * problem+json. Only minting a token needs the API token: the token paths are what etcd members
 * call, knowing only the token URL (see {@code ContractFilter}).
 */
@Path("/v1/discovery")
@Tag(name = "discovery", description = "etcd v2 cluster discovery (the discovery.etcd.io protocol)")
public interface DiscoveryApi {

    /** Every keys response carries the store's current index, as etcd does. */
    String ETCD_INDEX = "X-Etcd-Index";
    String UNKNOWN_KEY = "unknown token or key (errorCode 100)";
    String TOO_MANY = "discovery holds as much as it may and no token is idle, or too many polls wait on this token";

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "newDiscoveryToken", summary = "Mint a discovery token",
            description = "Returns the token URL to pass to etcd's --discovery. The first `size` members to register form the cluster.")
    @APIResponse(responseCode = "200", description = "the token URL, `<base>/v1/discovery/<32 hex>`")
    @APIResponse(responseCode = "400", description = "size is not an integer in 1..99, or the `Host` the request came on "
            + "is not one members could reach")
    @APIResponse(responseCode = "429", description = TOO_MANY)
    String newToken(@QueryParam("size") @Schema(type = SchemaType.INTEGER, defaultValue = "3", minimum = "1", maximum = "99") String size);

    @GET
    @Path("{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDiscoveryToken", summary = "List a token's registered members",
            description = "With wait=true, long-polls until a member registers or leaves (or waitIndex is reached). "
                    + "A poll that times out answers 200 with an empty body, which etcd's client takes as 'ask again'.")
    @APIResponse(responseCode = "200", description = "the token's directory",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdResponse.class)))
    @APIResponse(responseCode = "400", description = "waitIndex is not a non-negative integer (problem), or its history "
            + "was cleared (etcd error 401)", content = {
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdError.class)) })
    @APIResponse(responseCode = "404", description = "unknown token (errorCode 100)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdError.class)))
    @APIResponse(responseCode = "429", description = TOO_MANY)
    CompletionStage<Response> getToken(@PathParam("token") String token,
            @QueryParam("recursive") boolean recursive,
            @QueryParam("wait") boolean wait,
            @QueryParam("waitIndex") @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0",
                    description = "with wait=true, the index to wait from") String waitIndex);

    @GET
    @Path("{token}/{key: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDiscoveryKey", summary = "Read a key, e.g. `_config/size` or a member",
            description = "With wait=true, long-polls until the key (or, with recursive=true, anything under it) changes at or after waitIndex. "
                    + "A poll that times out answers 200 with an empty body, which etcd's client takes as 'ask again'.")
    @APIResponse(responseCode = "200", description = "the key or directory",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdResponse.class)))
    @APIResponse(responseCode = "400", description = "the key or waitIndex breaks its rule (problem), or waitIndex's history "
            + "was cleared (etcd error 401)", content = {
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdError.class)) })
    @APIResponse(responseCode = "404", description = UNKNOWN_KEY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdError.class)))
    @APIResponse(responseCode = "429", description = TOO_MANY)
    CompletionStage<Response> getKey(@PathParam("token") String token,
            @PathParam("key") String key,
            @QueryParam("recursive") boolean recursive,
            @QueryParam("wait") boolean wait,
            @QueryParam("waitIndex") @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0",
                    description = "with wait=true, the index to wait from") String waitIndex);

    @PUT
    @Path("{token}/{key: .+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putDiscoveryKey", summary = "Register a member (or set any key)",
            description = "etcd registers with `PUT <token>/<member id>?prevExist=false`, form body `value=<name>=<peer url>`.")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdResponse.class)))
    @APIResponse(responseCode = "200", description = "replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdResponse.class)))
    @APIResponse(responseCode = "400", description = "the key, ttl or prevExist breaks its rule (problem), or a part of the "
            + "key's path is a key, not a directory (etcd error 104)", content = {
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdError.class)) })
    @APIResponse(responseCode = "403", description = "the key is a directory (errorCode 102)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdError.class)))
    @APIResponse(responseCode = "404", description = "unknown token, or prevExist=true and no such key (errorCode 100)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdError.class)))
    @APIResponse(responseCode = "409", description = "the token holds as many keys as it may")
    @APIResponse(responseCode = "412", description = "prevExist=false and the key exists (errorCode 105)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdError.class)))
    @APIResponse(responseCode = "413", description = "the value, or the body, is longer than the service keeps")
    @APIResponse(responseCode = "415", description = "the body is not `application/x-www-form-urlencoded`")
    @APIResponse(responseCode = "429", description = "discovery holds as much as it may and no token is idle")
    Response put(@PathParam("token") String token,
            @PathParam("key") String key,
            @FormParam("value") @Schema(description = "the key's value; a member's is `<name>=<peer url>`") String value,
            @FormParam("ttl") @Schema(pattern = "[0-9]+",
                    description = "seconds until the key expires, a positive integer (the query's ttl when absent)") String formTtl,
            @QueryParam("ttl") @Schema(type = SchemaType.INTEGER, minimum = "1", description = "seconds until the key expires") String queryTtl,
            @QueryParam("prevExist") @Schema(type = SchemaType.BOOLEAN,
                    description = "false: only create the key; true: only replace it") String prevExist);

    @DELETE
    @Path("{token}/{key: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deleteDiscoveryKey", summary = "Remove a member's key")
    @APIResponse(responseCode = "200", description = "the key as it was",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdResponse.class)))
    @APIResponse(responseCode = "400", description = "the key breaks its rule")
    @APIResponse(responseCode = "403", description = "the key is a directory (errorCode 102)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdError.class)))
    @APIResponse(responseCode = "404", description = UNKNOWN_KEY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EtcdError.class)))
    Response delete(@PathParam("token") String token, @PathParam("key") String key);
}
