package io.coreswarm.api.render;

import java.util.List;

import io.coreswarm.api.spec.ClusterSpec;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The files that build a cluster. {@code spec} is the request's spec with every default filled in,
 * so a caller sees exactly what was rendered. {@code notes} say what a reader of the files must know
 * that the files cannot all say (the seed-faithful files of coreos-legacy stay as the seed wrote
 * them): that a cluster without TLS is open, and where a node's TLS files come from.
 */
@Schema(requiredProperties = { "spec", "discoveryUrl", "subnet", "nodes", "files", "notes" })
public record Rendering(ClusterSpec spec, String discoveryUrl, String subnet, List<NodeAddress> nodes, List<RenderedFile> files,
        @Schema(description = "what the files cannot all say: that a cluster without TLS is open to whoever reaches it,"
                + " and how each node gets its TLS files (never rendered: config-service holds no keys)")
        List<String> notes) {

    public Rendering {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Rendering(ClusterSpec spec, String discoveryUrl, String subnet, List<NodeAddress> nodes, List<RenderedFile> files) {
        this(spec, discoveryUrl, subnet, nodes, files, List.of());
    }

    /** Where node {@code name} (core-01 ..) lives on the cluster's network. */
    @Schema(requiredProperties = { "name", "address" })
    public record NodeAddress(String name, String address) {
    }

    /** Media type of the tar form: {@code curl ... -H 'Accept: application/x-tar' | tar x}. */
    public static final String TAR = "application/x-tar";

    public RenderedFile file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rendered file " + path));
    }
}
