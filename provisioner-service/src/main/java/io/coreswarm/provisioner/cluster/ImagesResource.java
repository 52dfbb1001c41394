package io.coreswarm.provisioner.cluster;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.coreswarm.api.cluster.ClusterImagesApi;
import io.coreswarm.api.operation.Operation;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationRunner;

/**
 * {@code POST /v1/clusters/{name}/images}: a {@code docker save} archive, copied to a file in the
 * cluster's workspace as it arrives (counted against the caps: 413 as soon as one is exceeded),
 * then an operation that loads it into every node's dockerd in parallel ({@link LoadImages}).
 * A busy cluster is refused (409) before the body is read.
 */
public class ImagesResource implements ClusterImagesApi {
    private final Clusters clusters;
    private final ClusterImages images;
    private final ClusterLifecycle lifecycle;
    private final OperationRunner runner;

    @Context
    HttpHeaders headers;

    ImagesResource(Clusters clusters, ClusterImages images, ClusterLifecycle lifecycle, OperationRunner runner) {
        this.clusters = clusters;
        this.images = images;
        this.lifecycle = lifecycle;
        this.runner = runner;
    }

    @Override
    public Response load(String name, InputStream archive) {
        clusters.get(name);
        runner.ensureIdle(name);
        String declared = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && !declared.isBlank()) {
            images.refuseDeclared(name, Long.parseLong(declared.trim()));
        }
        Path upload = images.receive(name, archive);
        try {
            // read again: the cluster may have changed while the body arrived
            ClusterRecord c = clusters.get(name);
            Operation op = runner.start(name, lifecycle.loadImages(c, upload));
            return Response.accepted(op).location(URI.create("/v1/operations/" + op.id())).build();
        } catch (RuntimeException e) {
            ClusterImages.discard(upload);
            throw e;
        }
    }
}
