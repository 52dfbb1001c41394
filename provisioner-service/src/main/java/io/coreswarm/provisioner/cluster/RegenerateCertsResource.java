package io.coreswarm.provisioner.cluster;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import io.coreswarm.api.cluster.ClusterRegenerateCertsApi;
import io.coreswarm.api.cluster.RegenerateCertsRequest;
import io.coreswarm.api.operation.Operation;

/** {@code POST /v1/clusters/{name}/regenerate-certs} [{@code {"ca": true}}]: the operation of {@link ClusterLifecycle#regenerateCerts}. */
public class RegenerateCertsResource implements ClusterRegenerateCertsApi {
    private final ClusterService service;

    RegenerateCertsResource(ClusterService service) {
        this.service = service;
    }

    @Override
    public Response regenerate(String name, RegenerateCertsRequest body) {
        Operation op = service.regenerateCerts(name, body != null && body.newCa());
        return Response.accepted(op).location(URI.create("/v1/operations/" + op.id())).build();
    }
}
