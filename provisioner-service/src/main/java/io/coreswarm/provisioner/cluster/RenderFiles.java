package io.coreswarm.provisioner.cluster;

import java.nio.file.Files;

import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.api.spec.Target;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;

/**
 * Scale: writes the files rendered for the new node count into the workspace and records the
 * cluster as it will be (its nodes; phase, conditions and operation as they are). A Flatcar TLS
 * cluster's rendered Ignition configs come without the nodes' TLS files: the nodes that already have
 * certificates get theirs back here, a new node when its certificate is issued.
 */
record RenderFiles(Clusters clusters, ClusterRecord scaled, Rendering rendering) implements Step {

    @Override
    public String name() {
        return "render files";
    }

    @Override
    public void run(OperationContext op) {
        op.workspace().writeRendering(rendering.files());
        if (scaled.tls() && scaled.spec().target() == Target.FLATCAR) {
            scaled.nodes().stream().map(NodeAddress::name)
                    .filter(node -> Files.isDirectory(scaled.pkiLayout().nodeDir(node)))
                    .forEach(node -> ClusterCertificates.addToIgnition(op.workspace().machines(), scaled.pkiLayout(), node));
        }
        clusters.update(scaled.name(), c -> scaled.withOperation(c.currentOperation()).withPhase(c.phase(), c.conditions()));
    }
}
