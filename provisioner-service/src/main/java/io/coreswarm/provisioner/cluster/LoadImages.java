package io.coreswarm.provisioner.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.dockerjava.api.DockerClient;

import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;

/**
 * Image archives into nodes' dockerd, every node at once, each reading the file itself; a node
 * done counts in the operation's progress. Two uses: a new archive into every node (the
 * {@code load_images} operation: kept when every node loaded it, removed otherwise), and every
 * archive the cluster keeps into the nodes a scale-up adds.
 *
 * @param upload the new archive, or null for the cluster's kept ones
 */
record LoadImages(ClusterImages images, ClusterRecord cluster, List<NodeAddress> nodes, Path upload) implements Step {

    @Override
    public String name() {
        return upload == null ? "load the cluster's images" : "load images";
    }

    @Override
    public void run(OperationContext op) throws Exception {
        List<Path> archives = upload == null ? images.kept(cluster.name()) : List.of(upload);
        if (archives.isEmpty()) {
            op.log("no image archive was loaded into this cluster: nothing to load");
            return;
        }
        long bytes = 0;
        for (Path a : archives) {
            bytes += Files.size(a);
        }
        op.log("loading " + archives.size() + " archive" + (archives.size() == 1 ? "" : "s") + " (" + bytes + " bytes) into "
                + String.join(", ", nodes.stream().map(NodeAddress::name).toList()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(nodes.size(), 8)));
        List<String> failed = new ArrayList<>();
        try {
            List<CompletableFuture<String>> loads = new ArrayList<>();
            for (NodeAddress node : nodes) {
                loads.add(CompletableFuture.supplyAsync(() -> load(op, node, archives), pool));
            }
            for (CompletableFuture<String> f : loads) {
                try {
                    String failure = f.get();
                    if (failure != null) {
                        failed.add(failure);
                    }
                } catch (ExecutionException e) {
                    failed.add(String.valueOf(e.getCause().getMessage()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!failed.isEmpty()) {
            if (upload != null) {
                ClusterImages.discard(upload);
                op.log("the archive is not kept");
            }
            throw new IllegalStateException("images not loaded on " + String.join("; ", failed));
        }
        if (upload != null) {
            Path kept = images.keep(cluster.name(), upload);
            op.log("archive kept as images/" + kept.getFileName() + ": a node added later gets it too");
        }
    }

    /** Loads every archive into one node; null when it did, else the node and why not. */
    private String load(OperationContext op, NodeAddress node, List<Path> archives) {
        try (DockerClient docker = DockerClientFactory.connect(cluster.dockerHost(node.name()), Timeouts.CONTROL, cluster.clientTls())) {
            for (Path archive : archives) {
                op.throwIfCancelled();
                try (InputStream in = Files.newInputStream(archive)) {
                    docker.loadImageCmd(in).exec();
                }
                op.log(node.name() + ": loaded " + archive.getFileName());
            }
            op.nodeDone();
            return null;
        } catch (IOException | RuntimeException e) {
            op.log(node.name() + ": not loaded: " + e.getMessage());
            return node.name() + ": " + e.getMessage();
        }
    }
}
