package io.coreswarm.api.node;

import java.util.List;

/**
 * The layout of a coreswarm node, named once (as kind's {@code pkg/cluster/constants}): the ports
 * its services listen on, how machines are named and addressed, the files the provisioner hands a
 * local node, the label that marks everything of a cluster, and the flags a docker-in-docker node
 * runs with. Renderers, the provisioner, the monitor, tests and benchmarks all read it from here.
 */
public final class NodeLayout {
    private NodeLayout() {
    }

    /** etcd's client port (etcd 2.x also listened on 4001, which the seed still opens). */
    public static final int ETCD_CLIENT_PORT = 2379;
    /** etcd's peer port. */
    public static final int ETCD_PEER_PORT = 2380;
    /** Swarm mode's management port (gossip is 7946, overlay VXLAN 4789/udp). */
    public static final int SWARM_PORT = 2377;
    /** dockerd's plain TCP port, the seed's {@code $expose_docker_tcp}. */
    public static final int DOCKER_PORT = 2375;
    /** dockerd's TLS port ({@code --tlsverify}), Docker's and docker-machine's convention. */
    public static final int DOCKER_TLS_PORT = 2376;
    /** The cluster registry's port on the first node, when the spec says {@code "registry": true} (plain HTTP). */
    public static final int REGISTRY_PORT = 5000;

    /** Machine names: coreos-vagrant's {@code core-%02d}. */
    public static final String MACHINE_NAME_FORMAT = "core-%02d";

    /** Label on every container, network and volume of a local cluster, valued with the cluster's name. */
    public static final String CLUSTER_LABEL = "io.coreswarm.cluster";

    /** The image every local node runs; {@code scripts/node-image} builds and tags it. */
    public static final String NODE_IMAGE = "coreswarm/node:latest";

    /** Folder of a local cluster's workspace that each node mounts read-only at {@link #NODE_MOUNT}. */
    public static final String NODE_DIR = "node";
    /** Where a local node sees {@link #NODE_DIR}. */
    public static final String NODE_MOUNT = "/coreswarm";
    /**
     * Folder of a TLS cluster's workspace beside {@code machines/} holding its CA and certificates
     * (provisioner's {@code io.coreswarm.pki.PkiLayout}); a local node mounts its own
     * {@code pki/nodes/<machine>} read-only, as a folder, at {@link #TLS_MOUNT}.
     */
    public static final String PKI_DIR = "pki";
    /**
     * Where a node sees its TLS files ({@code ca.pem}, {@code server.pem}, {@code server-key.pem}):
     * the one path every target's renderer names; equal to {@code PkiLayout.NODE_MOUNT} (a test holds them equal).
     */
    public static final String TLS_MOUNT = "/etc/coreswarm/tls";
    /** Folder under {@link #NODE_DIR}: one file per node added by a scale-up, its etcd {@code --initial-cluster}. */
    public static final String ETCD_JOIN_DIR = "etcd-join";

    /** Node {@code i} (1-based) gets host number {@code 100 + i} in its subnet, as coreos-vagrant does. */
    public static final int HOST_NUMBER_BASE = 100;

    /** The busybox image every local node imports into its own dockerd at start (no registry needed). */
    public static final String PROBE_IMAGE = "coreswarm/probe:latest";

    /**
     * Engine labels each local node's start script computes from its kernel and publishes through
     * dockerd ({@code docker info}, the Swarm API's {@code /nodes}), valued {@code true} or {@code false}.
     */
    public static final String CAPABILITY_LABEL_PREFIX = "io.coreswarm.capability.";
    /** IPVS: a service's virtual IP and the ingress routing mesh. */
    public static final String CAPABILITY_IPVS = CAPABILITY_LABEL_PREFIX + "ipvs";
    /** VXLAN: overlay networks between nodes. */
    public static final String CAPABILITY_VXLAN = CAPABILITY_LABEL_PREFIX + "vxlan";
    /** cgroups the node's dockerd can write: without them no container starts. */
    public static final String CAPABILITY_CGROUPS = CAPABILITY_LABEL_PREFIX + "cgroups";
    /** The cgroup version the node found ({@code 1} or {@code 2}). */
    public static final String CGROUP_VERSION_LABEL = "io.coreswarm.cgroup-version";

    /**
     * docker-in-docker without {@code --privileged}, which some sandboxes refuse ("unable to apply
     * caps"): every capability but SYS_RESOURCE, no seccomp/apparmor confinement, all devices,
     * writable /sys paths, a tmpfs for /run and a volume for /var/lib/docker (so overlay2 works inside),
     * and a cgroup namespace of its own, in which the node's start script mounts its cgroups again
     * read-write (Docker mounts them read-only for an unprivileged container).
     */
    public static final List<String> DIND_CREATE_ARGS = List.of(
            "--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE", "--cgroupns", "private",
            "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
            "--security-opt", "systempaths=unconfined", "--device-cgroup-rule", "a *:* rwm",
            "--tmpfs", "/run", "--mount", "type=volume,dst=/var/lib/docker");

    /** Machine name of node {@code i} (1-based). */
    public static String machineName(int i) {
        return String.format(MACHINE_NAME_FORMAT, i);
    }

    /** Address of node {@code i} (1-based) in a subnet given by its first three octets, e.g. {@code 172.29.1}. */
    public static String address(String subnetPrefix, int i) {
        return subnetPrefix + "." + (HOST_NUMBER_BASE + i);
    }

    /** The address of a cluster's registry ({@code host:port}), on node 1's address. */
    public static String registryAddress(String firstNodeAddress) {
        return firstNodeAddress + ":" + REGISTRY_PORT;
    }

    /** The docker network of a local cluster. */
    public static String networkName(String cluster) {
        return "coreswarm-" + cluster;
    }

    /** The container of a local cluster's node. */
    public static String containerName(String cluster, String machine) {
        return cluster + "-" + machine;
    }

    /** A workspace-relative path (under {@link #NODE_DIR}) to the etcd join file of a node. */
    public static String etcdJoinFile(String machine) {
        return NODE_DIR + "/" + ETCD_JOIN_DIR + "/" + machine;
    }
}
