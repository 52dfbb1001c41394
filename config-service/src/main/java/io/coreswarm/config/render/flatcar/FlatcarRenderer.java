package io.coreswarm.config.render.flatcar;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.Target;
import io.coreswarm.config.render.RenderContext;
import io.coreswarm.config.render.TargetRenderer;

/**
 * The {@code flatcar} target: per node a Butane config ({@code flatcar/core-01.bu}) and the Ignition
 * config it compiles to ({@code flatcar/core-01.ign}), plus a Vagrantfile and config.rb that boot
 * Flatcar's Vagrant box with them. The Ignition is compiled from the Butane text itself, so the two
 * cannot drift apart.
 */
@ApplicationScoped
public class FlatcarRenderer implements TargetRenderer {

    @Override
    public Target target() {
        return Target.FLATCAR;
    }

    @Override
    public List<RenderedFile> render(RenderContext context) {
        List<RenderedFile> files = new ArrayList<>();
        files.add(FlatcarVagrantFiles.vagrantfile());
        files.add(FlatcarVagrantFiles.configRb(context));
        for (int i = 1; i <= context.spec().nodes(); i++) {
            FlatcarNode node = new FlatcarNode(context, i);
            String butane = ButaneYaml.write(node.butane());
            String base = FlatcarVagrantFiles.IGNITION_DIR + "/" + node.name();
            files.add(RenderedFile.of(base + ".bu", butane));
            files.add(RenderedFile.of(base + ".ign", ButaneCompiler.compile(butane)));
        }
        return files;
    }
}
