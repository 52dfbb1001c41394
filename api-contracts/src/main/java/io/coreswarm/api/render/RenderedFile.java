package io.coreswarm.api.render;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One file of a rendering; {@code path} is relative to the folder {@code vagrant up} runs in. */
@Schema(requiredProperties = { "path", "content", "mode" })
public record RenderedFile(
        @Schema(example = "user-data") String path,
        String content,
        @Schema(description = "POSIX permissions in octal", example = "0644") String mode) {

    public static RenderedFile of(String path, String content) {
        return new RenderedFile(path, content, "0644");
    }

    public static RenderedFile executable(String path, String content) {
        return new RenderedFile(path, content, "0755");
    }
}
