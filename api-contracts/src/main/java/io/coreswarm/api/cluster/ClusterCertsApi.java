package io.coreswarm.api.cluster;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A TLS cluster's client certificate, for a user on another machine: a tar of {@code ca.pem}
 * (0644), {@code cert.pem} (0644) and {@code key.pem} (0600), docker's {@code DOCKER_CERT_PATH}
 * layout, the files {@code env} points at on the provisioner's own host. Never the CA's key nor
 * a node's.
 */
@Path("/v1/clusters/{name}/certs")
@Tag(name = "clusters")
public interface ClusterCertsApi {
    String TAR = "application/x-tar";

    @GET
    @Produces(TAR)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getClusterCerts",
            summary = "The cluster's client certificate and CA, as a tar (docker-machine's DOCKER_CERT_PATH files)")
    @APIResponse(responseCode = "200", description = "tar of ca.pem, cert.pem and key.pem; unpack it and point DOCKER_CERT_PATH at it",
            content = @Content(mediaType = TAR, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = ClusterApi.BAD_NAME)
    @APIResponse(responseCode = "404", description = ClusterApi.NO_CLUSTER)
    @APIResponse(responseCode = "409", description = "the cluster is open (\"tls\": false), or its certificates are not issued yet")
    Response certs(@PathParam("name") @Pattern(regexp = ClusterApi.NAME, message = ClusterApi.NAME_RULE) String name);
}
