package io.coreswarm.provisioner.cluster;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import io.coreswarm.api.cluster.ClusterChecksApi;
import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.problem.Conflict;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationRunner;

/**
 * {@code POST /v1/clusters/{name}/checks}: the workload check as an operation ({@link CheckWorkloads});
 * 409 while another operation runs ("cluster busy") or when the cluster is halted.
 */
public class ChecksResource implements ClusterChecksApi {
    private final Clusters clusters;
    private final ClusterLifecycle lifecycle;
    private final OperationRunner runner;

    ChecksResource(Clusters clusters, ClusterLifecycle lifecycle, OperationRunner runner) {
        this.clusters = clusters;
        this.lifecycle = lifecycle;
        this.runner = runner;
    }

    @Override
    public Response check(String name) {
        ClusterRecord c = clusters.get(name);
        runner.ensureIdle(name);
        if (c.phase() == ClusterPhase.HALTED) {
            throw new Conflict("cluster " + name + " is halted: nothing can run on it; POST /v1/clusters/" + name + "/resume starts it");
        }
        Operation op = runner.start(name, lifecycle.check(c));
        return Response.accepted(op).location(URI.create("/v1/operations/" + op.id())).build();
    }
}
