package io.coreswarm.provisioner.cluster;

import java.time.Instant;
import java.util.List;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.spec.ClusterSpec;

/**
 * What the provisioner keeps of a cluster in its workspace's {@code cluster.json}: the spec as
 * rendered, the discovery URL and subnet minted once at creation, where each node lives, and the
 * last phase and conditions seen.
 */
public record ClusterRecord(
        ClusterSpec spec,
        String discoveryUrl,
        String subnet,
        List<Rendering.NodeAddress> nodes,
        ClusterPhase phase,
        List<Condition> conditions,
        Instant createdAt,
        String currentOperation) {

    public static ClusterRecord of(Rendering rendering) {
        return new ClusterRecord(rendering.spec(), rendering.discoveryUrl(), rendering.subnet(), rendering.nodes(),
                ClusterPhase.PENDING, List.of(), Instant.now(), null);
    }

    public ClusterRecord withRendering(Rendering r) {
        return new ClusterRecord(r.spec(), discoveryUrl, subnet, r.nodes(), phase, conditions, createdAt, currentOperation);
    }

    public ClusterRecord withPhase(ClusterPhase p, List<Condition> c) {
        return new ClusterRecord(spec, discoveryUrl, subnet, nodes, p, c, createdAt, currentOperation);
    }

    public ClusterRecord withOperation(String id) {
        return new ClusterRecord(spec, discoveryUrl, subnet, nodes, phase, conditions, createdAt, id);
    }

    public String name() {
        return spec.name();
    }

    public String address(String node) {
        return nodes.stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow().address();
    }

    public String dockerHost(String node) {
        return "tcp://" + address(node) + ":" + spec.dockerPort();
    }

    public String etcdEndpoint(String node) {
        return "http://" + address(node) + ":2379";
    }

    /** Managers are the first {@code spec.managers} nodes. */
    public boolean isManager(String node) {
        return nodes.indexOf(nodes.stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow()) < spec.managers();
    }
}
