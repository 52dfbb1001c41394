package io.coreswarm.config.render.local;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.Target;
import io.coreswarm.config.render.RenderContext;
import io.coreswarm.config.render.TargetRenderer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The target that boots anywhere dockerd runs: a Vagrantfile for the docker provider, the node's
 * start script, and the engine's daemon.json (labels as JSON data, never as shell words).
 */
@ApplicationScoped
public class LocalRenderer implements TargetRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Target target() {
        return Target.LOCAL;
    }

    @Override
    public List<RenderedFile> render(RenderContext context) {
        return List.of(
                RenderedFile.of("Vagrantfile", LocalVagrantfile.render(context)),
                RenderedFile.executable(NodeLayout.NODE_DIR + "/start.sh", NodeStartScript.CONTENT),
                RenderedFile.of(NodeLayout.NODE_DIR + "/daemon.json", daemonJson(context.spec().labels())));
    }

    static String daemonJson(Map<String, String> labels) {
        List<String> engineLabels = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        try {
            return JSON.writeValueAsString(Map.of("labels", engineLabels)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
