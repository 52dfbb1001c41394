package io.coreswarm.provisioner.cluster;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.RenderingRequest;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Target;
import io.coreswarm.provisioner.operation.OperationRunner;
import io.coreswarm.provisioner.workspace.Workspace;

/** Turns lifecycle requests into operations, after the checks that must answer at once. */
@ApplicationScoped
public class ClusterService {
    private final Clusters clusters;
    private final Renderer renderer;
    private final SubnetAllocator subnets;
    private final ClusterLifecycle lifecycle;
    private final OperationRunner runner;

    ClusterService(Clusters clusters, Renderer renderer, SubnetAllocator subnets, ClusterLifecycle lifecycle, OperationRunner runner) {
        this.clusters = clusters;
        this.renderer = renderer;
        this.subnets = subnets;
        this.lifecycle = lifecycle;
        this.runner = runner;
    }

    public synchronized Operation create(ClusterSpec spec) {
        if (clusters.find(spec.name()).isPresent()) {
            throw new ProblemException(409, "Conflict", "cluster " + spec.name() + " already exists");
        }
        if (spec.target() == Target.COREOS_LEGACY) {
            throw ProblemException.invalid("target", "coreos-legacy is rendered, not booted (CoreOS boxes are gone): "
                    + "use POST /v1/renderings on config-service for its files");
        }
        // rendered before anything touches the disk: config-service trouble leaves nothing behind
        Rendering rendering = renderer.render(new RenderingRequest(spec, null,
                spec.target() == Target.LOCAL ? subnets.allocate() : null));
        Workspace workspace = clusters.workspace(spec.name());
        try {
            workspace.writeRendering(rendering.files());
            ClusterRecord record = ClusterRecord.of(rendering);
            clusters.save(record);
            return runner.start(spec.name(), lifecycle.create(record));
        } catch (RuntimeException e) {
            clusters.remove(spec.name());
            throw e;
        }
    }

    public Operation scale(String name, int nodes) {
        ClusterRecord current = clusters.get(name);
        ensureIdle(current);
        if (nodes == current.nodes().size()) {
            throw new ProblemException(409, "Conflict", "cluster " + name + " already has " + nodes + " nodes");
        }
        Rendering rendering = renderer.render(new RenderingRequest(current.spec().withNodes(nodes), current.discoveryUrl(), current.subnet()));
        return runner.start(name, lifecycle.scale(current, current.withRendering(rendering), rendering));
    }

    public Operation halt(String name) {
        ClusterRecord c = clusters.get(name);
        ensureIdle(c);
        return runner.start(name, lifecycle.halt(c));
    }

    public Operation resume(String name) {
        ClusterRecord c = clusters.get(name);
        ensureIdle(c);
        return runner.start(name, lifecycle.resume(c));
    }

    public Operation destroy(String name) {
        ClusterRecord c = clusters.get(name);
        ensureIdle(c);
        return runner.start(name, lifecycle.destroy(c));
    }

    private void ensureIdle(ClusterRecord c) {
        if (runner.busy(c.name())) {
            throw new ProblemException(409, "Conflict", "cluster " + c.name() + " is busy with operation "
                    + c.currentOperation() + "; wait for it or cancel it");
        }
    }
}
