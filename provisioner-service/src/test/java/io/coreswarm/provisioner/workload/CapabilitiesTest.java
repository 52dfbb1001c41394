package io.coreswarm.provisioner.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.node.NodeLayout;

class CapabilitiesTest {
    static Map<String, String> node(String ipvs, String vxlan, String cgroups) {
        return Map.of(NodeLayout.CAPABILITY_IPVS, ipvs, NodeLayout.CAPABILITY_VXLAN, vxlan, NodeLayout.CAPABILITY_CGROUPS, cgroups);
    }

    static List<String> summary(Map<String, Map<String, String>> labels) {
        return Capabilities.conditions(labels, Instant.EPOCH).stream().map(c -> c.type() + " " + c.status() + " " + c.reason()).toList();
    }

    @Test
    void everythingThereIsTrue() {
        assertEquals(List.of("RoutingMesh True KernelWithIPVS", "Overlay True KernelWithVXLAN", "ContainerRuntime True CgroupsWritable"),
                summary(Map.of("core-01", node("true", "true", "true"), "core-02", node("true", "true", "true"))));
    }

    @Test
    void aKernelWithoutIpvsAdvisesDnsrrAndHostModePortsNamingTheNodes() {
        Map<String, Map<String, String>> labels = new TreeMap<>(Map.of(
                "core-01", node("false", "true", "true"), "core-02", node("true", "true", "true"), "core-03", node("false", "true", "true")));
        Condition mesh = Capabilities.conditions(labels, Instant.EPOCH).get(0);
        assertEquals("RoutingMesh False KernelWithoutIPVS", mesh.type() + " " + mesh.status() + " " + mesh.reason());
        assertTrue(mesh.message().startsWith("no IPVS in the kernel of core-01, core-03: "), mesh.message());
        assertTrue(mesh.message().contains("endpoint_mode: dnsrr") && mesh.message().contains("mode: host"), mesh.message());
    }

    @Test
    void readOnlyCgroupsAndNoVxlanAreFalse() {
        assertEquals(List.of("RoutingMesh True KernelWithIPVS", "Overlay False KernelWithoutVXLAN", "ContainerRuntime False CgroupsReadOnly"),
                summary(Map.of("core-01", node("true", "false", "false"))));
    }

    @Test
    void aNodeThatPublishedNothingIsUnknownNeverTrue() {
        assertEquals(List.of("RoutingMesh Unknown CapabilitiesNotPublished", "Overlay Unknown CapabilitiesNotPublished",
                "ContainerRuntime Unknown CapabilitiesNotPublished"),
                summary(Map.of("core-01", node("true", "true", "true"), "core-02", Map.of())));
        assertEquals("RoutingMesh Unknown NoNodes", summary(Map.of()).get(0));
    }
}
