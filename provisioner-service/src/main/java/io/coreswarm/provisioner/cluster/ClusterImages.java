package io.coreswarm.provisioner.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.coreswarm.api.problem.ProblemException;

/**
 * The image archives a cluster was given, kept in its workspace's {@code images/} so that a node
 * added later gets them too. An upload streams to {@code images/upload-*.part} (never whole in
 * memory), counted against two caps: {@code coreswarm.images.max-bytes} per archive and
 * {@code coreswarm.images.max-total-bytes} for all of a cluster's archives (413 problem+json as
 * soon as either is exceeded). Once loaded into every node it becomes {@code images/NNNN.tar}
 * (loaded in that order into a new node: a later archive's tag wins); a failed load removes it.
 */
@ApplicationScoped
public class ClusterImages {
    private static final String KEPT = ".tar";
    private static final String PART = ".part";

    private final Clusters clusters;
    private final long maxBytes;
    private final long maxTotalBytes;

    ClusterImages(Clusters clusters,
            @ConfigProperty(name = "coreswarm.images.max-bytes", defaultValue = "1073741824") long maxBytes,
            @ConfigProperty(name = "coreswarm.images.max-total-bytes", defaultValue = "4294967296") long maxTotalBytes) {
        this.clusters = clusters;
        this.maxBytes = maxBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** How many more bytes this cluster may be given: the smaller of the per-archive cap and what the total leaves. */
    long room(String cluster) {
        return Math.max(0, Math.min(maxBytes, maxTotalBytes - keptBytes(cluster)));
    }

    /** 413 at once when a declared length already exceeds the room. */
    void refuseDeclared(String cluster, long declared) {
        if (declared > room(cluster)) {
            throw tooLarge(cluster, declared);
        }
    }

    /** Streams an upload to a part file in the cluster's images folder; 413 (and nothing kept) past the room. */
    Path receive(String cluster, InputStream in) {
        long room = room(cluster);
        Path file = null;
        try {
            file = Files.createTempFile(Files.createDirectories(dir(cluster)), "upload-", PART);
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > room) {
                        throw tooLarge(cluster, total);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0) {
                throw ProblemException.invalid("body", "must be a docker save archive (application/x-tar)");
            }
            return file;
        } catch (IOException e) {
            discard(file);
            throw new ProblemException(500, "Internal Server Error", "cannot keep the archive: " + e.getMessage());
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
    }

    /** An upload loaded everywhere becomes the cluster's next kept archive. */
    Path keep(String cluster, Path upload) throws IOException {
        List<Path> kept = kept(cluster);
        int next = kept.isEmpty() ? 1 : Integer.parseInt(kept.get(kept.size() - 1).getFileName().toString().replace(KEPT, "")) + 1;
        return Files.move(upload, dir(cluster).resolve(String.format("%04d", next) + KEPT), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The archives a cluster keeps, oldest first. */
    public List<Path> kept(String cluster) {
        Path dir = dir(cluster);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("[0-9]+\\" + KEPT)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long keptBytes(String cluster) {
        return kept(cluster).stream().mapToLong(f -> {
            try {
                return Files.size(f);
            } catch (IOException e) {
                return 0;
            }
        }).sum();
    }

    static void discard(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover part file goes with the cluster's workspace
            }
        }
    }

    private Path dir(String cluster) {
        return clusters.workspace(cluster).root().resolve("images");
    }

    private ProblemException tooLarge(String cluster, long bytes) {
        long kept = keptBytes(cluster);
        return new ProblemException(413, "Payload Too Large",
                "an image archive may have at most " + maxBytes + " bytes (coreswarm.images.max-bytes), and a cluster's archives "
                        + maxTotalBytes + " bytes in all (coreswarm.images.max-total-bytes; cluster " + cluster + " keeps " + kept
                        + "); this one has " + (bytes > room(cluster) ? "more than " + room(cluster) : bytes));
    }
}
