package io.coreswarm.provisioner.cluster;

import io.coreswarm.api.render.Rendering;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;

/**
 * Scale: writes the files rendered for the new node count into the workspace and records the
 * cluster as it will be (its nodes; phase, conditions and operation as they are).
 */
record RenderFiles(Clusters clusters, ClusterRecord scaled, Rendering rendering) implements Step {

    @Override
    public String name() {
        return "render files";
    }

    @Override
    public void run(OperationContext op) {
        op.workspace().writeRendering(rendering.files());
        clusters.update(scaled.name(), c -> scaled.withOperation(c.currentOperation()).withPhase(c.phase(), c.conditions()));
    }
}
