package io.coreswarm.api.history;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.coreswarm.api.cluster.ClusterApi;
import io.coreswarm.api.health.ClusterHealthApi;

/** The health history of a watched cluster. An unknown cluster is a 404 problem; a bad parameter a 400 naming it. */
@Path("/v1/clusters/{name}/history")
@Tag(name = "history", description = "Health of watched clusters over time")
public interface HistoryApi {

    /** Durations are a whole number and a unit: {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}. */
    String DURATION = "[1-9][0-9]{0,5}[smhd]";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getClusterHistory", summary = "Health over time, one point per step",
            description = "`since` is an RFC 3339 time or a duration back from now (default 1h); `step` a duration "
                    + "(default 1m, at least 1s, at most 1d, at most 2000 points).")
    @APIResponse(responseCode = "200", description = "the points from `since` to now")
    @APIResponse(responseCode = "400", description = "the name, `since` or `step` breaks its rule (each named in `violations`)")
    @APIResponse(responseCode = "404", description = ClusterHealthApi.NOT_WATCHED)
    ClusterHistory history(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name,
            @QueryParam("since") @Schema(examples = { "1h", "2026-11-30T12:00:00Z" })
            @Size(max = 40, message = "must be at most 40 characters") String since,
            @QueryParam("step") @Schema(examples = { "1m" })
            @Pattern(regexp = DURATION, message = "must be a whole number and a unit: 30s, 5m, 1h, 1d") String step);
}
