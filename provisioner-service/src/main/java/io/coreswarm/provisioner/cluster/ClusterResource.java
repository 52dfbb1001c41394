package io.coreswarm.provisioner.cluster;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;

import io.coreswarm.api.cluster.Cluster;
import io.coreswarm.api.cluster.ClusterApi;
import io.coreswarm.api.cluster.ClusterEndpoints;
import io.coreswarm.api.cluster.ClusterNode;
import io.coreswarm.api.cluster.ScaleRequest;
import io.coreswarm.api.cluster.SwarmRole;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.model.MachineObservation;

/**
 * The clusters over HTTP. Reads answer from memory and never run a process: each machine's state
 * is the one operations and the background reconcile with Vagrant last confirmed ({@code confirmedAt}).
 */
public class ClusterResource implements ClusterApi {
    private final ClusterService service;
    private final Clusters clusters;

    ClusterResource(ClusterService service, Clusters clusters) {
        this.service = service;
        this.clusters = clusters;
    }

    @Override
    public Response create(ClusterSpec body) {
        return accepted(service.create(body));
    }

    @Override
    public List<Cluster> list() {
        return clusters.all().stream().map(ClusterResource::view).toList();
    }

    @Override
    public Cluster get(String name) {
        return view(clusters.get(name));
    }

    @Override
    public Response scale(String name, ScaleRequest body) {
        return accepted(service.scale(name, body.nodes()));
    }

    @Override
    public Response halt(String name) {
        return accepted(service.halt(name));
    }

    @Override
    public Response resume(String name) {
        return accepted(service.resume(name));
    }

    @Override
    public Response destroy(String name) {
        return accepted(service.destroy(name));
    }

    @Override
    public String env(String name) {
        ClusterRecord c = clusters.get(name);
        ClusterEndpoints e = endpoints(c);
        return "export DOCKER_HOST=\"" + e.dockerHost() + "\"\n"
                + "unset DOCKER_TLS_VERIFY DOCKER_CERT_PATH\n"
                + "export ETCDCTL_API=3\n"
                + "export ETCDCTL_ENDPOINTS=\"" + String.join(",", e.etcd()) + "\"\n"
                + "export CORESWARM_CLUSTER=\"" + c.name() + "\"\n"
                + (e.registry() == null ? "" : "export CORESWARM_REGISTRY=\"" + e.registry() + "\"\n"
                        + "# Push to the cluster's registry through its dockerd, which trusts it:\n"
                        + "# docker tag app:1 $CORESWARM_REGISTRY/app:1 && docker push $CORESWARM_REGISTRY/app:1\n")
                + "# Run this command to configure your shell:\n"
                + "# eval \"$(curl -s -H \"Authorization: Bearer $(cat ${CORESWARM_HOME:-~/.coreswarm}/api-token)\""
                + " localhost:8082/v1/clusters/" + c.name() + "/env)\"\n";
    }

    static Cluster view(ClusterRecord c) {
        List<ClusterNode> nodes = c.nodes().stream()
                .map(n -> {
                    MachineObservation m = c.machine(n.name());
                    return new ClusterNode(n.name(), m.state(), m.confirmedAt(), n.address(),
                            c.isManager(n.name()) ? SwarmRole.MANAGER : SwarmRole.WORKER);
                })
                .toList();
        return new Cluster(c.spec(), c.phase(), c.conditions(), nodes, endpoints(c), c.discoveryUrl(), c.createdAt(), c.currentOperation());
    }

    static ClusterEndpoints endpoints(ClusterRecord c) {
        String first = c.nodes().get(0).name();
        return new ClusterEndpoints(c.dockerHost(first), c.nodes().stream().map(n -> c.etcdEndpoint(n.name())).toList(),
                c.spec().registry() ? NodeLayout.registryAddress(c.address(first)) : null);
    }

    private static Response accepted(Operation op) {
        return Response.accepted(op).location(URI.create("/v1/operations/" + op.id())).build();
    }
}
