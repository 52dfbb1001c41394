package io.coreswarm.provisioner.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.cluster.MachineState;
import io.coreswarm.api.health.WorkloadReport;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.docker.TlsFiles;
import io.coreswarm.pki.PkiLayout;

/**
 * What the provisioner keeps of a cluster in its workspace's {@code cluster.json}: the spec as
 * rendered, the discovery URL and subnet minted once at creation, where each node lives, the
 * last phase and conditions seen, and each machine's last confirmed state.
 *
 * @param machines machine name to its last confirmed state; a machine missing here was never confirmed
 * @param workloads the last workload check (null before the first): what monitor-service is told;
 *                  its conditions are among {@code conditions} too
 * @param pki       the cluster's PKI folder ({@code <workspace>/pki}, absolute) when its nodes serve
 *                  Docker and etcd over TLS; null for a cluster whose spec says {@code "tls": false}
 *                  (and for records written before TLS)
 */
public record ClusterRecord(
        ClusterSpec spec,
        String discoveryUrl,
        String subnet,
        List<Rendering.NodeAddress> nodes,
        ClusterPhase phase,
        List<Condition> conditions,
        Instant createdAt,
        String currentOperation,
        Map<String, MachineObservation> machines,
        WorkloadReport workloads,
        String pki) {

    public ClusterRecord {
        // records written before machines were kept have none
        machines = machines == null ? Map.of() : Map.copyOf(machines);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** A record without a workload check yet. */
    public ClusterRecord(ClusterSpec spec, String discoveryUrl, String subnet, List<Rendering.NodeAddress> nodes, ClusterPhase phase,
            List<Condition> conditions, Instant createdAt, String currentOperation, Map<String, MachineObservation> machines) {
        this(spec, discoveryUrl, subnet, nodes, phase, conditions, createdAt, currentOperation, machines, null, null);
    }

    /** @param pki the PKI folder its certificates go to, or null when the spec says {@code "tls": false} */
    public static ClusterRecord of(Rendering rendering, Path pki) {
        return new ClusterRecord(rendering.spec(), rendering.discoveryUrl(), rendering.subnet(), rendering.nodes(),
                ClusterPhase.PENDING, List.of(), Instant.now(), null, Map.of(), null,
                pki == null ? null : pki.toAbsolutePath().normalize().toString());
    }

    public ClusterRecord withRendering(Rendering r) {
        return new ClusterRecord(r.spec(), discoveryUrl, subnet, r.nodes(), phase, conditions, createdAt, currentOperation, machines, workloads, pki);
    }

    public ClusterRecord withPhase(ClusterPhase p, List<Condition> c) {
        return new ClusterRecord(spec, discoveryUrl, subnet, nodes, p, c, createdAt, currentOperation, machines, workloads, pki);
    }

    /** The conditions merged with {@code updates}, one per type ({@link Conditions#merge}). */
    public ClusterRecord withConditions(List<Condition> updates) {
        return new ClusterRecord(spec, discoveryUrl, subnet, nodes, phase, Conditions.merge(conditions, updates), createdAt,
                currentOperation, machines, workloads, pki);
    }

    /** A workload check's report, and its conditions merged into the cluster's. */
    public ClusterRecord withWorkloads(WorkloadReport report) {
        return new ClusterRecord(spec, discoveryUrl, subnet, nodes, phase, Conditions.merge(conditions, report.conditions()), createdAt,
                currentOperation, machines, report, pki);
    }

    public ClusterRecord withOperation(String id) {
        return new ClusterRecord(spec, discoveryUrl, subnet, nodes, phase, conditions, createdAt, id, machines, workloads, pki);
    }

    /** Every node's machine as {@code vagrant status} reported it at {@code at} (a node it did not list: unknown). */
    public ClusterRecord withMachines(Map<String, MachineState> reported, Instant at) {
        Map<String, MachineObservation> seen = new HashMap<>();
        for (Rendering.NodeAddress n : nodes) {
            seen.put(n.name(), new MachineObservation(reported.getOrDefault(n.name(), MachineState.UNKNOWN), at));
        }
        return new ClusterRecord(spec, discoveryUrl, subnet, nodes, phase, conditions, createdAt, currentOperation, seen, workloads, pki);
    }

    /** The given nodes' machines confirmed in {@code state} at {@code at}; the others as they were. */
    public ClusterRecord withMachines(Collection<String> names, MachineState state, Instant at) {
        Map<String, MachineObservation> seen = new HashMap<>();
        for (Rendering.NodeAddress n : nodes) {
            MachineObservation was = machines.get(n.name());
            if (names.contains(n.name())) {
                seen.put(n.name(), new MachineObservation(state, at));
            } else if (was != null) {
                seen.put(n.name(), was);
            }
        }
        return new ClusterRecord(spec, discoveryUrl, subnet, nodes, phase, conditions, createdAt, currentOperation, seen, workloads, pki);
    }

    /** A machine's last confirmed state; unknown, never confirmed, when there is none. */
    public MachineObservation machine(String node) {
        return machines.getOrDefault(node, new MachineObservation(MachineState.UNKNOWN, null));
    }

    public List<String> nodeNames() {
        return nodes.stream().map(Rendering.NodeAddress::name).toList();
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
        return (tls() ? "https://" : "http://") + address(node) + ":" + NodeLayout.ETCD_CLIENT_PORT;
    }

    /** An etcd peer URL, as members register it and {@code member add} announces it. */
    public String etcdPeerUrl(NodeAddress node) {
        return (tls() ? "https://" : "http://") + node.address() + ":" + NodeLayout.ETCD_PEER_PORT;
    }

    /** Whether the nodes serve Docker (2376, --tlsverify) and etcd over TLS with the cluster's certificates. */
    public boolean tls() {
        return pki != null;
    }

    /** The PKI's layout; only for a {@link #tls()} cluster. */
    public PkiLayout pkiLayout() {
        if (pki == null) {
            throw new IllegalStateException("cluster " + name() + " has no PKI (\"tls\": false)");
        }
        return new PkiLayout(Path.of(pki));
    }

    /** The client's TLS files (the client folder) for docker-java, or null (plain TCP) for an open cluster. */
    public TlsFiles clientTls() {
        return tls() ? new TlsFiles(pkiLayout().clientDir()) : null;
    }

    /** Managers are the first {@code spec.managers} nodes. */
    public boolean isManager(String node) {
        return nodes.indexOf(nodes.stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow()) < spec.managers();
    }
}
