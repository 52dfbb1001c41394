package io.coreswarm.api.render;

import java.util.List;

import io.coreswarm.api.spec.ClusterSpec;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The files that build a cluster. {@code spec} is the request's spec with every default filled in,
 * so a caller sees exactly what was rendered.
 */
@Schema(requiredProperties = { "spec", "discoveryUrl", "subnet", "nodes", "files" })
public record Rendering(ClusterSpec spec, String discoveryUrl, String subnet, List<NodeAddress> nodes, List<RenderedFile> files) {

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
