package io.coreswarm.api.spec;

import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.coreswarm.api.node.NodeLayout;

/**
 * The single input of coreswarm: what cluster to build. Every field but {@code name} may be
 * omitted; the defaults are the seed's values (5 nodes, alpha, 1024 MB, 1 cpu, Docker TCP 2375,
 * every node a manager) except the target, which defaults to {@code local}, the one that boots
 * on any machine with dockerd. {@code registry} (default false) adds an image registry on the
 * first node that every node's dockerd trusts (as k3d's {@code --registry-create}). {@code tls}
 * (default true, except on {@code coreos-legacy}) puts every node's dockerd ({@code --tlsverify},
 * port 2376 by Docker's convention) and etcd (clients and peers, client-certificate auth) behind
 * the cluster's own CA, as docker-machine does; {@code "tls": false} keeps the seed's plain TCP 2375.
 */
@ValidClusterSpec
@Schema(description = "A cluster to build. Omitted fields take the seed's values.")
public record ClusterSpec(
        @NotNull
        @Pattern(regexp = DNS_LABEL, message = "must be a lowercase DNS label: 1-63 of a-z, 0-9 and '-', starting and ending with a letter or digit")
        @Schema(example = "demo", required = true)
        String name,

        @Min(value = 1, message = "must be at least 1")
        @Max(value = MAX_NODES, message = "must be at most 99 (machines are named core-01 .. core-99)")
        @Schema(defaultValue = "5")
        Integer nodes,

        @Schema(defaultValue = "local")
        Target target,

        @Schema(description = "Vagrant provider; defaults to docker for local, virtualbox otherwise")
        Provider provider,

        @Schema(defaultValue = "alpha")
        Channel channel,

        @Min(value = 256, message = "must be at least 256 (MB)")
        @Max(value = 65536, message = "must be at most 65536 (MB)")
        @Schema(defaultValue = "1024", description = "memory per node in MB")
        Integer memory,

        @Min(value = 1, message = "must be at least 1")
        @Max(value = 32, message = "must be at most 32")
        @Schema(defaultValue = "1", description = "cpus per node")
        Integer cpus,

        @Min(value = 1024, message = "must be at least 1024")
        @Max(value = 65535, message = "must be at most 65535")
        @Schema(description = "Docker TCP port: 2376 with TLS, 2375 (the seed's) without; coreos-vagrant forwards node i to this port + i - 1")
        Integer dockerPort,

        @Min(value = 1, message = "must be at least 1")
        @Max(value = MAX_MANAGERS, message = "must be at most 7")
        @Schema(description = "swarm managers, odd; defaults to every node (the seed) up to 7")
        Integer managers,

        @Size(max = 32, message = "must hold at most 32 labels")
        @Schema(description = "engine labels set on every node")
        Map<@Pattern(regexp = LABEL_KEY, message = "label keys must be 1-64 of letters, digits and . _ / -, starting and ending with a letter or digit") String,
            @NotNull(message = "label values must not be null")
            @Pattern(regexp = LABEL_VALUE, message = "label values must be at most 128 of letters, digits and . _ : / @ + = -") String> labels,

        @Schema(defaultValue = "false", description = "an image registry on the first node (port 5000, plain HTTP) that every"
                + " node's dockerd trusts: docker push <endpoints.registry>/app, then deploy it; local target only")
        Boolean registry,

        @Schema(description = "Docker (--tlsverify, 2376) and etcd (client and peer, client-certificate auth) behind the"
                + " cluster's own CA; defaults to true, except on coreos-legacy (the seed's plain TCP). false: every"
                + " endpoint is open to whoever reaches it, and every view of the cluster says so")
        Boolean tls) {

    public static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    public static final String LABEL_KEY = "[A-Za-z0-9]([A-Za-z0-9._/-]{0,62}[A-Za-z0-9])?";
    public static final String LABEL_VALUE = "[A-Za-z0-9._:/@+=-]{0,128}";
    public static final int MAX_NODES = 99;
    public static final int MAX_MANAGERS = 7;

    /** Fills omitted fields with the defaults. */
    public ClusterSpec {
        nodes = nodes == null ? 5 : nodes;
        target = target == null ? Target.LOCAL : target;
        provider = provider == null ? target.defaultProvider() : provider;
        channel = channel == null ? Channel.ALPHA : channel;
        memory = memory == null ? 1024 : memory;
        cpus = cpus == null ? 1 : cpus;
        tls = tls == null ? target.defaultTls() : tls;
        dockerPort = dockerPort == null ? defaultDockerPort(tls) : dockerPort;
        managers = managers == null ? defaultManagers(nodes) : managers;
        labels = labels == null ? Map.of() : new TreeMap<>(labels);
        registry = registry != null && registry;
    }

    /** A spec without a registry (the default), with its target's TLS default. */
    public ClusterSpec(String name, Integer nodes, Target target, Provider provider, Channel channel, Integer memory,
            Integer cpus, Integer dockerPort, Integer managers, Map<String, String> labels) {
        this(name, nodes, target, provider, channel, memory, cpus, dockerPort, managers, labels, null, null);
    }

    /** A spec with its target's TLS default. */
    public ClusterSpec(String name, Integer nodes, Target target, Provider provider, Channel channel, Integer memory,
            Integer cpus, Integer dockerPort, Integer managers, Map<String, String> labels, Boolean registry) {
        this(name, nodes, target, provider, channel, memory, cpus, dockerPort, managers, labels, registry, null);
    }

    /** A spec with only a name: the seed's cluster on the local target. */
    public static ClusterSpec named(String name) {
        return new ClusterSpec(name, null, null, null, null, null, null, null, null, null);
    }

    public ClusterSpec withNodes(int count) {
        return new ClusterSpec(name, count, target, provider, channel, memory, cpus, dockerPort,
                Math.min(managers, defaultManagers(count)), labels, registry, tls);
    }

    /** This spec for another target; TLS and the Docker port follow the new target's defaults unless they were chosen. */
    public ClusterSpec withTarget(Target t) {
        Boolean chosenTls = tls == target.defaultTls() ? null : tls;
        Integer chosenPort = dockerPort == defaultDockerPort(tls) ? null : dockerPort;
        return new ClusterSpec(name, nodes, t, t == target ? provider : null, channel, memory, cpus, chosenPort, managers, labels,
                registry, chosenTls);
    }

    public ClusterSpec withRegistry(boolean on) {
        return new ClusterSpec(name, nodes, target, provider, channel, memory, cpus, dockerPort, managers, labels, on, tls);
    }

    /** This spec with TLS on or off; the Docker port follows unless it was chosen. */
    public ClusterSpec withTls(boolean on) {
        Integer chosenPort = dockerPort == defaultDockerPort(tls) ? null : dockerPort;
        return new ClusterSpec(name, nodes, target, provider, channel, memory, cpus, chosenPort, managers, labels, registry, on);
    }

    /** Docker's convention: 2376 for TLS, 2375 for plain TCP. */
    static int defaultDockerPort(boolean tls) {
        return tls ? NodeLayout.DOCKER_TLS_PORT : NodeLayout.DOCKER_PORT;
    }

    /** Machine name of node {@code i} (1-based), as coreos-vagrant names them. */
    public static String nodeName(int i) {
        return NodeLayout.machineName(i);
    }

    /** The seed makes every node a manager; Swarm wants an odd count, at most 7. */
    static int defaultManagers(int nodes) {
        int odd = nodes % 2 == 1 ? nodes : nodes - 1;
        return Math.max(1, Math.min(odd, MAX_MANAGERS));
    }
}
