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
 *
 * <p>With TLS (the default) the Butane config names the node's TLS files as {@code contents.local}
 * and the Ignition config leaves them out: config-service has no keys. Whoever holds the cluster's
 * pki folder adds them, either {@code butane --files-dir <pki> flatcar/core-01.bu} or the
 * provisioner's {@code IgnitionTlsFiles}. Without TLS every file says the node is open.
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
            String butane = header(context.spec().tls(), node.name()) + ButaneYaml.write(node.butane());
            String base = FlatcarVagrantFiles.IGNITION_DIR + "/" + node.name();
            files.add(RenderedFile.of(base + ".bu", butane));
            files.add(RenderedFile.of(base + ".ign", ButaneCompiler.compileWithoutLocalFiles(butane)));
        }
        return files;
    }

    @Override
    public List<String> notes(RenderContext context) {
        return context.spec().tls() ? List.of("TLS: each flatcar/core-NN.ign lacks the node's TLS files (config-service holds no"
                + " keys). Compile it with them, butane --strict --files-dir <pki> flatcar/core-NN.bu > flatcar/core-NN.ign,"
                + " where <pki> is the cluster's pki folder (nodes/core-NN/ca.pem, server.pem, server-key.pem); the"
                + " provisioner does this itself. A .ign with them holds a key: keep it 0600.") : List.of();
    }

    /** A comment atop the Butane config: how its TLS files are filled in, or that the node is open. */
    static String header(boolean tls, String machine) {
        return tls ? """
                # The node's TLS files (storage.files with contents.local) are read from the cluster's pki
                # folder: butane --strict --files-dir <pki> flatcar/%1$s.bu > flatcar/%1$s.ign
                # flatcar/%1$s.ign as rendered by config-service lacks them (it holds no keys).
                """.formatted(machine)
                : """
                # OPEN: "tls" is false. Docker's TCP port and etcd (2379, 2380) serve anyone who reaches them,
                # without TLS or authentication.
                """;
    }
}
