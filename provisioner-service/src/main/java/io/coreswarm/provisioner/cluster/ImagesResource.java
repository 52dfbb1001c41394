package io.coreswarm.provisioner.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.dockerjava.api.DockerClient;

import io.coreswarm.api.cluster.ClusterImagesApi;
import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.provisioner.model.ClusterRecord;

/**
 * {@code POST /v1/clusters/{name}/images}: a {@code docker save} archive, copied to a file in the
 * cluster's workspace as it arrives (counted against the cap: 413 as soon as it is exceeded), then
 * loaded into every node's dockerd in parallel, each reading the file itself.
 */
public class ImagesResource implements ClusterImagesApi {
    private final Clusters clusters;
    private final long maxBytes;

    @Context
    HttpHeaders headers;

    ImagesResource(Clusters clusters, @ConfigProperty(name = "coreswarm.images.max-bytes", defaultValue = "1073741824") long maxBytes) {
        this.clusters = clusters;
        this.maxBytes = maxBytes;
    }

    @Override
    public ImageLoad load(String name, InputStream archive) {
        ClusterRecord c = clusters.get(name);
        if (c.currentOperation() != null) {
            throw new ProblemException(409, "Conflict", "cluster " + name + " is busy with operation " + c.currentOperation());
        }
        String declared = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && !declared.isBlank() && Long.parseLong(declared.trim()) > maxBytes) {
            throw tooLarge(Long.parseLong(declared.trim()));
        }
        Path file = null;
        try {
            Path dir = Files.createDirectories(clusters.workspace(name).root().resolve("images"));
            file = Files.createTempFile(dir, "upload-", ".tar");
            long bytes = copyCapped(archive, file);
            if (bytes == 0) {
                throw ProblemException.invalid("body", "must be a docker save archive (application/x-tar)");
            }
            List<NodeLoad> loads = loadEverywhere(c, file);
            List<String> failed = loads.stream().filter(l -> !l.loaded()).map(l -> l.node() + ": " + l.detail()).toList();
            if (!failed.isEmpty()) {
                throw new ProblemException(502, "Bad Gateway", "the archive was not loaded on " + String.join("; ", failed));
            }
            return new ImageLoad(name, bytes, loads);
        } catch (IOException e) {
            throw new ProblemException(500, "Internal Server Error", "cannot keep the archive: " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a leftover upload in the workspace goes with the cluster
                }
            }
        }
    }

    private long copyCapped(InputStream in, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(total);
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private ProblemException tooLarge(long bytes) {
        return new ProblemException(413, "Payload Too Large",
                "an image archive may have at most " + maxBytes + " bytes (coreswarm.images.max-bytes); this one has "
                        + (bytes > maxBytes ? "more than " + maxBytes : bytes));
    }

    private static List<NodeLoad> loadEverywhere(ClusterRecord c, Path file) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(c.nodes().size(), 8)));
        try {
            List<CompletableFuture<NodeLoad>> loads = new ArrayList<>();
            for (NodeAddress node : c.nodes()) {
                loads.add(CompletableFuture.supplyAsync(() -> {
                    try (DockerClient docker = DockerClientFactory.connect(c.dockerHost(node.name()), Timeouts.CONTROL, null);
                            InputStream in = Files.newInputStream(file)) {
                        docker.loadImageCmd(in).exec();
                        return new NodeLoad(node.name(), true, "loaded");
                    } catch (Exception e) {
                        return new NodeLoad(node.name(), false, String.valueOf(e.getMessage()));
                    }
                }, pool));
            }
            return loads.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
