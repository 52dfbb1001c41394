package io.coreswarm.provisioner.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.SwarmNode;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.docker.TlsFiles;

/**
 * What each node's kernel gives Swarm, in words. A local node's start script checks its kernel at
 * start and publishes the answers as engine labels ({@link NodeLayout#CAPABILITY_IPVS} and its
 * siblings); a swarm manager lists every node's engine labels in {@code /nodes}, so one call reads
 * them all. They become conditions:
 * <ul>
 * <li>{@code RoutingMesh}: IPVS carries a service's virtual IP and the ingress routing mesh;</li>
 * <li>{@code Overlay}: VXLAN carries overlay networks between nodes;</li>
 * <li>{@code ContainerRuntime}: without writable cgroups no container starts.</li>
 * </ul>
 * A node that published nothing (an engine not started by coreswarm's start script) makes a
 * condition Unknown, never True.
 */
public final class Capabilities {
    public static final String ROUTING_MESH = "RoutingMesh";
    public static final String OVERLAY = "Overlay";
    public static final String CONTAINER_RUNTIME = "ContainerRuntime";

    private Capabilities() {
    }

    /** Engine labels by node hostname, as the swarm manager at {@code managerHost} lists them ({@code tls} null: plain TCP). */
    public static Map<String, Map<String, String>> read(String managerHost, TlsFiles tls) throws Exception {
        try (DockerClient docker = DockerClientFactory.connect(managerHost, Timeouts.CONTROL, tls)) {
            Map<String, Map<String, String>> labels = new TreeMap<>();
            for (SwarmNode node : docker.listSwarmNodesCmd().exec()) {
                var description = node.getDescription();
                if (description == null || description.getHostname() == null) {
                    continue;
                }
                var engine = description.getEngine();
                labels.put(description.getHostname(), engine == null || engine.getLabels() == null ? Map.of() : engine.getLabels());
            }
            return labels;
        }
    }

    /** The conditions that engine labels by node say, in the order RoutingMesh, Overlay, ContainerRuntime. */
    public static List<Condition> conditions(Map<String, Map<String, String>> labelsByNode, Instant now) {
        return List.of(
                condition(labelsByNode, NodeLayout.CAPABILITY_IPVS, now, ROUTING_MESH, "KernelWithIPVS", "KernelWithoutIPVS",
                        nodes -> "every node's kernel has IPVS: services get a virtual IP and published ports the ingress routing mesh",
                        nodes -> "no IPVS in the kernel of " + nodes + ": a service's virtual IP and the ingress routing mesh do not"
                                + " answer there; give services endpoint_mode: dnsrr (reached by name through DNS round robin)"
                                + " and publish ports with mode: host (each on the node that runs the task)"),
                condition(labelsByNode, NodeLayout.CAPABILITY_VXLAN, now, OVERLAY, "KernelWithVXLAN", "KernelWithoutVXLAN",
                        nodes -> "every node's kernel has VXLAN: overlay networks carry traffic between nodes",
                        nodes -> "no VXLAN in the kernel of " + nodes + ": overlay networks cannot carry traffic to or from"
                                + " these nodes, so their tasks cannot reach tasks elsewhere"),
                condition(labelsByNode, NodeLayout.CAPABILITY_CGROUPS, now, CONTAINER_RUNTIME, "CgroupsWritable", "CgroupsReadOnly",
                        nodes -> "every node's dockerd can write its cgroups: containers can start",
                        nodes -> "the cgroups of " + nodes + " are read-only for its dockerd: no container can start there"));
    }

    private static Condition condition(Map<String, Map<String, String>> labelsByNode, String label, Instant now, String type,
            String trueReason, String falseReason, Function<String, String> trueMessage, Function<String, String> falseMessage) {
        if (labelsByNode.isEmpty()) {
            return new Condition(type, "Unknown", "NoNodes", "no node is listed in the swarm", now);
        }
        List<String> without = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        labelsByNode.forEach((node, labels) -> {
            String value = labels.get(label);
            if (value == null) {
                unknown.add(node);
            } else if (!value.equals("true")) {
                without.add(node);
            }
        });
        if (!without.isEmpty()) {
            return new Condition(type, "False", falseReason, falseMessage.apply(String.join(", ", without)), now);
        }
        if (!unknown.isEmpty()) {
            return new Condition(type, "Unknown", "CapabilitiesNotPublished",
                    String.join(", ", unknown) + " published no " + label + " engine label (not started by coreswarm's node start script)", now);
        }
        return new Condition(type, "True", trueReason, trueMessage.apply(""), now);
    }
}
