package io.coreswarm.config.render;

import java.util.List;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.Target;

/** Renders a spec into the files of one {@link Target}. One bean per target. */
public interface TargetRenderer {

    Target target();

    List<RenderedFile> render(RenderContext context);

    /** What a reader must know beyond the files (see {@code Rendering.notes}); the open-cluster note is the service's. */
    default List<String> notes(RenderContext context) {
        return List.of();
    }
}
