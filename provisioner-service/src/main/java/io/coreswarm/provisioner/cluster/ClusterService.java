package io.coreswarm.provisioner.cluster;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.cluster.MachineState;
import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.problem.Conflict;
import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.RenderingRequest;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.api.spec.Target;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationRunner;
import io.coreswarm.provisioner.workspace.Workspace;

/**
 * Turns lifecycle requests into operations, after the checks that must answer at once: a busy
 * cluster ({@code ClusterBusy}, 409), a name taken, a scale to the size it has, halting a halted or
 * resuming a running cluster (409 {@link Conflict}: there is nothing to do, and saying so beats
 * running Vagrant to find out).
 */
@ApplicationScoped
public class ClusterService {
    private final Clusters clusters;
    private final Renderer renderer;
    private final SubnetAllocator subnets;
    private final ClusterLifecycle lifecycle;
    private final OperationRunner runner;
    private final HostCapacity capacity;

    ClusterService(Clusters clusters, Renderer renderer, SubnetAllocator subnets, ClusterLifecycle lifecycle, OperationRunner runner,
            HostCapacity capacity) {
        this.clusters = clusters;
        this.renderer = renderer;
        this.subnets = subnets;
        this.lifecycle = lifecycle;
        this.runner = runner;
        this.capacity = capacity;
    }

    public synchronized Operation create(ClusterSpec spec) {
        if (clusters.find(spec.name()).isPresent()) {
            throw new Conflict("cluster " + spec.name() + " already exists");
        }
        if (spec.target() == Target.COREOS_LEGACY) {
            throw ProblemException.invalid("target", "coreos-legacy is rendered, not booted (CoreOS boxes are gone): "
                    + "use POST /v1/renderings on config-service for its files");
        }
        capacity.check(spec, null);
        // rendered before anything touches the disk: config-service trouble leaves nothing behind
        Rendering rendering = renderer.render(new RenderingRequest(spec, null,
                spec.target() == Target.LOCAL ? subnets.allocate() : null));
        Workspace workspace = clusters.workspace(spec.name());
        ClusterRecord record;
        try {
            workspace.writeRendering(rendering.files());
            // the PKI itself is made by the create's first step; the record says where it goes
            record = ClusterRecord.of(rendering, spec.tls() ? workspace.pki() : null);
            // with etcd the name is taken in a transaction: another replica may have taken it since the check above
            clusters.create(record);
        } catch (Clusters.NameTaken e) {
            clusters.discardWorkspace(spec.name());
            throw e;
        } catch (RuntimeException e) {
            clusters.remove(spec.name());
            throw e;
        }
        try {
            return runner.start(spec.name(), lifecycle.create(record));
        } catch (RuntimeException e) {
            clusters.remove(spec.name());
            throw e;
        }
    }

    public Operation scale(String name, int nodes) {
        ClusterRecord current = clusters.get(name);
        runner.ensureIdle(name);
        if (nodes == current.nodes().size()) {
            throw new Conflict("cluster " + name + " already has " + nodes + " nodes");
        }
        if (nodes > current.nodes().size()) {
            capacity.check(current.spec().withNodes(nodes), "nodes");
        }
        Rendering rendering = renderer.render(new RenderingRequest(current.spec().withNodes(nodes), current.discoveryUrl(), current.subnet()));
        return runner.start(name, lifecycle.scale(current, current.withRendering(rendering), rendering));
    }

    public Operation halt(String name) {
        ClusterRecord c = clusters.get(name);
        runner.ensureIdle(name);
        if (c.phase() == ClusterPhase.HALTED && allMachines(c, true)) {
            throw new Conflict("cluster " + name + " is already halted (every machine "
                    + ClusterPhases.halted(c.spec().provider()) + "); POST /v1/clusters/" + name + "/resume starts it");
        }
        return runner.start(name, lifecycle.halt(c));
    }

    public Operation resume(String name) {
        ClusterRecord c = clusters.get(name);
        runner.ensureIdle(name);
        if (c.phase() == ClusterPhase.RUNNING && allMachines(c, false)) {
            throw new Conflict("cluster " + name + " is already running (every machine running); "
                    + "POST /v1/clusters/" + name + "/halt stops it");
        }
        return runner.start(name, lifecycle.resume(c));
    }

    public Operation regenerateCerts(String name, boolean newCa) {
        ClusterRecord c = clusters.get(name);
        runner.ensureIdle(name);
        if (!c.tls()) {
            throw new Conflict("cluster " + name + " has no certificates to regenerate: its spec says \"tls\": false");
        }
        if (c.phase() == ClusterPhase.HALTED) {
            throw new Conflict("cluster " + name + " is halted: its nodes cannot restart with new certificates; POST /v1/clusters/"
                    + name + "/resume first");
        }
        if (c.spec().provider() != Provider.DOCKER) {
            throw new Conflict("regenerate-certs restarts node containers: only the docker provider has them");
        }
        return runner.start(name, lifecycle.regenerateCerts(c, newCa));
    }

    public Operation destroy(String name) {
        ClusterRecord c = clusters.get(name);
        runner.ensureIdle(name);
        return runner.start(name, lifecycle.destroy(c));
    }

    /** Whether every machine was last confirmed halted ({@code halted}) or running (not {@code halted}). */
    private static boolean allMachines(ClusterRecord c, boolean halted) {
        return c.nodeNames().stream().map(n -> c.machine(n).state())
                .allMatch(s -> halted ? s.halted() : s == MachineState.RUNNING);
    }
}
