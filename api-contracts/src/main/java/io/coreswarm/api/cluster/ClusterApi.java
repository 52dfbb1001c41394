package io.coreswarm.api.cluster;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.spec.ClusterSpec;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cluster lifecycle. Every change answers {@code 202 Accepted} with the {@link Operation} that
 * carries it out (also in {@code Location}); a cluster runs one operation at a time ({@code 409}).
 * Error responses declared without a body are problem+json (see {@code ContractFilter}).
 */
@Path("/v1/clusters")
@Tag(name = "clusters", description = "Create, scale, halt, resume and destroy clusters")
@Produces(MediaType.APPLICATION_JSON)
public interface ClusterApi {
    String NAME = ClusterSpec.DNS_LABEL;
    String NAME_RULE = "must be a lowercase DNS label";

    /** The 400 of an operation whose only input is the cluster's name in the path. */
    String BAD_NAME = "the name is not a lowercase DNS label";
    String NO_CLUSTER = "no cluster of that name";
    String BUSY = "the cluster runs another operation";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "createCluster", summary = "Create a cluster",
            description = "Renders the spec through config-service, then starts an operation (`create`) that starts the "
                    + "machines, forms etcd and the swarm and checks that workloads run on every node.")
    @APIResponse(responseCode = "202", description = "creation started: the operation, also in `Location`",
            content = @Content(schema = @Schema(implementation = Operation.class)))
    @APIResponse(responseCode = "400", description = "a field of the spec breaks its rule (each named in `violations`), "
            + "the target cannot be booted, or the host lacks the memory or cpus")
    @APIResponse(responseCode = "409", description = "a cluster of that name exists")
    @APIResponse(responseCode = "413", description = "the body is larger than the service takes")
    @APIResponse(responseCode = "415", description = "the body is not `application/json`")
    @APIResponse(responseCode = "502", description = "config-service refused the rendering; nothing was written")
    @APIResponse(responseCode = "503", description = "config-service is unreachable; nothing was written")
    Response create(@Valid @NotNull(message = "a JSON cluster spec is required") ClusterSpec body);

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listClusters", summary = "List the clusters",
            description = "Answered from memory: each machine's state is the one Vagrant last confirmed.")
    @APIResponse(responseCode = "200", description = "every cluster, in name order")
    List<Cluster> list();

    @GET
    @Path("{name}")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getCluster", summary = "Get a cluster",
            description = "Phase, conditions, nodes (state and when Vagrant confirmed it, address, swarm role) and endpoints, "
                    + "answered from memory.")
    @APIResponse(responseCode = "200", description = "the cluster")
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NO_CLUSTER)
    Cluster get(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name);

    @POST
    @Path("{name}/scale")
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "scaleCluster", summary = "Scale a cluster to a node count",
            description = "Renders the cluster at the new size, then starts an operation (`scale`): nodes added join etcd and "
                    + "the swarm; nodes removed leave both first.")
    @APIResponse(responseCode = "202", description = "scaling started: the operation, also in `Location`",
            content = @Content(schema = @Schema(implementation = Operation.class)))
    @APIResponse(responseCode = "400", description = "the name or `nodes` breaks its rule, or the host lacks the memory or cpus")
    @APIResponse(responseCode = "404", description = NO_CLUSTER)
    @APIResponse(responseCode = "409", description = BUSY + ", or has that many nodes already")
    @APIResponse(responseCode = "413", description = "the body is larger than the service takes")
    @APIResponse(responseCode = "415", description = "the body is not `application/json`")
    @APIResponse(responseCode = "502", description = "config-service refused the rendering")
    @APIResponse(responseCode = "503", description = "config-service is unreachable")
    Response scale(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name,
            @Valid @NotNull(message = "a JSON body {\"nodes\": N} is required") ScaleRequest body);

    @POST
    @Path("{name}/halt")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "haltCluster", summary = "Halt a cluster's machines",
            description = "An operation (`halt`) that stops every machine; its disks and the cluster's state are kept.")
    @APIResponse(responseCode = "202", description = "halting started: the operation, also in `Location`",
            content = @Content(schema = @Schema(implementation = Operation.class)))
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NO_CLUSTER)
    @APIResponse(responseCode = "409", description = BUSY + ", or every machine is halted already")
    Response halt(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name);

    @POST
    @Path("{name}/resume")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "resumeCluster", summary = "Resume a halted cluster",
            description = "An operation (`resume`) that starts the machines again and waits for etcd, the swarm and workloads.")
    @APIResponse(responseCode = "202", description = "resuming started: the operation, also in `Location`",
            content = @Content(schema = @Schema(implementation = Operation.class)))
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NO_CLUSTER)
    @APIResponse(responseCode = "409", description = BUSY + ", or every machine is running already")
    Response resume(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name);

    @DELETE
    @Path("{name}")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "destroyCluster", summary = "Destroy a cluster",
            description = "An operation (`destroy`) that destroys every machine and removes the cluster's workspace.")
    @APIResponse(responseCode = "202", description = "destruction started: the operation, also in `Location`",
            content = @Content(schema = @Schema(implementation = Operation.class)))
    @APIResponse(responseCode = "400", description = BAD_NAME)
    @APIResponse(responseCode = "404", description = NO_CLUSTER)
    @APIResponse(responseCode = "409", description = BUSY)
    Response destroy(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name);

    /** The shells {@code env} writes for, as docker-machine's {@code env --shell}. */
    String SHELLS = "bash|zsh|fish|powershell";

    /**
     * Shell exports for a manager, as {@code eval $(docker-machine env)} users expect: DOCKER_HOST,
     * and for a TLS cluster DOCKER_TLS_VERIFY, DOCKER_CERT_PATH (the client folder on this host;
     * elsewhere, where {@code GET /certs} was unpacked) and ETCDCTL_CACERT/CERT/KEY with https
     * endpoints. {@code shell} picks the syntax (default bash), {@code unset} the form that undoes it
     * (docker-machine's {@code env -u}).
     */
    @GET
    @Path("{name}/env")
    @Produces(MediaType.TEXT_PLAIN)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getClusterEnv",
            summary = "Shell exports for the cluster (`eval \"$(...)\"`)",
            description = "`DOCKER_HOST`, `DOCKER_TLS_VERIFY`, `DOCKER_CERT_PATH`, `ETCDCTL_ENDPOINTS`, `ETCDCTL_CACERT`/`CERT`/`KEY`, "
                    + "`CORESWARM_CLUSTER` and, with a registry, `CORESWARM_REGISTRY`, as `docker-machine env` prints them, for "
                    + "`shell` bash (default), zsh, fish or powershell; `unset=true` prints the lines that clear them.")
    @APIResponse(responseCode = "200", description = "the shell's lines setting (or unsetting) the variables")
    @APIResponse(responseCode = "400", description = "the name is not a lowercase DNS label, or `shell` is not one of " + SHELLS)
    @APIResponse(responseCode = "404", description = NO_CLUSTER)
    String env(@PathParam("name") @Pattern(regexp = NAME, message = NAME_RULE) String name,
            @QueryParam("shell") @Pattern(regexp = SHELLS, message = "must be one of " + SHELLS) String shell,
            @QueryParam("unset") boolean unset);
}
