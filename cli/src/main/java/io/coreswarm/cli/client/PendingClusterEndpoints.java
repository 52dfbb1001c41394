package io.coreswarm.cli.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Two provisioner endpoints that api-contracts does not declare yet on this branch: {@code env}
 * with its {@code shell} and {@code unset} parameters, and {@code GET certs} (a tar). They are
 * being added to {@code ClusterApi} and a {@code ClusterCertsApi} concurrently; once those are in
 * api-contracts this interface goes and the commands call them. A server without them answers
 * {@code env} in bash syntax whatever the shell, and {@code certs} with a 404 that is not a
 * problem (see {@code CertsCommand}).
 */
@RegisterRestClient(configKey = "provisioner")
@Path("/v1/clusters/{name}")
public interface PendingClusterEndpoints {

    @GET
    @Path("env")
    @Produces(MediaType.TEXT_PLAIN)
    String env(@PathParam("name") String name, @QueryParam("shell") String shell, @QueryParam("unset") boolean unset);

    @GET
    @Path("certs")
    @Produces({ "application/x-tar", "application/problem+json", MediaType.APPLICATION_JSON })
    Response certs(@PathParam("name") String name);
}
