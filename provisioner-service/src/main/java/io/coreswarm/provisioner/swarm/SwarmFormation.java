package io.coreswarm.provisioner.swarm;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.Reachability;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeRole;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmJoinTokens;
import com.github.dockerjava.api.model.SwarmSpec;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.ProvisionerConfig;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Parallel;
import io.coreswarm.provisioner.operation.Step;

/**
 * Swarm mode on a cluster's nodes through docker-java: {@code swarm init} on the first node, every
 * other node joined as a worker with the worker token as soon as its dockerd answers, then the
 * nodes meant to be managers promoted by the leader one at a time. The join token is read from
 * the first node when needed and never logged or stored. It reports each node it joins; counting
 * them is the caller's business.
 */
@ApplicationScoped
public class SwarmFormation {
    private static final String SWARM_PORT = ":" + NodeLayout.SWARM_PORT;
    private final Duration timeout;

    SwarmFormation(ProvisionerConfig config) {
        this.timeout = config.readyTimeout();
    }

    /**
     * Waits until a node's dockerd answers. A plain socket first: far cheaper than a docker client
     * while the node still starts, so it can be tried every 100 ms.
     */
    private void awaitEngine(OperationContext op, ClusterRecord c, NodeAddress node) {
        await(op, "dockerd on " + node.name(), () -> {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(node.address(), c.spec().dockerPort()), 200);
            }
            try (DockerClient docker = DockerClientFactory.connect(c.dockerHost(node.name()), Timeouts.CONTROL, c.clientTls())) {
                docker.pingCmd().exec();
                return true;
            }
        });
    }

    /**
     * Initialises the swarm if needed and joins each given node that is not in it yet, all at once,
     * each as a worker as soon as its dockerd answers; then promotes those meant to be managers,
     * one at a time (Raft adds one voter per configuration change).
     *
     * @param joined told the name of each given node once it is in the swarm
     */
    public void join(OperationContext op, ClusterRecord c, List<NodeAddress> nodes, Consumer<String> joined) throws Exception {
        NodeAddress first = c.nodes().get(0);
        awaitEngine(op, c, first);
        try (DockerClient leader = DockerClientFactory.connect(c.dockerHost(first.name()), Timeouts.CONTROL, c.clientTls())) {
            if (state(leader) != LocalNodeState.ACTIVE) {
                op.log("swarm init on " + first.name() + " (" + first.address() + ")");
                leader.initializeSwarmCmd(new SwarmSpec()).withAdvertiseAddr(first.address()).withListenAddr("0.0.0.0" + SWARM_PORT).exec();
            }
            var tokens = leader.inspectSwarmCmd().exec().getJoinTokens();
            if (nodes.contains(first)) {
                joined.accept(first.name());
            }
            // everyone joins as a worker at once; managers are then promoted, which the leader
            // does one Raft change at a time without each node's join round trip in between
            Parallel.all(nodes.stream().filter(n -> !n.equals(first))
                    .map(n -> (Step.Body) o -> joinNode(o, c, n, first, tokens.getWorker(), tokens, joined))
                    .toArray(Step.Body[]::new)).run(op);
            for (NodeAddress node : nodes) {
                if (!node.equals(first) && c.isManager(node.name())) {
                    // the leader may list a node a moment after its join returned
                    await(op, node.name() + " in the swarm's node list", () -> find(leader, node.name()) != null);
                    SwarmNode swarmNode = find(leader, node.name());
                    if (swarmNode.getSpec().getRole() != SwarmNodeRole.MANAGER) {
                        op.log("promoting " + node.name() + " to manager");
                        leader.updateSwarmNodeCmd().withSwarmNodeId(swarmNode.getId()).withVersion(swarmNode.getVersion().getIndex())
                                .withSwarmNodeSpec(swarmNode.getSpec().withRole(SwarmNodeRole.MANAGER)).exec();
                    }
                }
            }
        }
    }

    private void joinNode(OperationContext op, ClusterRecord c, NodeAddress node, NodeAddress first, String token,
            SwarmJoinTokens tokens, Consumer<String> joined) {
        awaitEngine(op, c, node);
        try (DockerClient docker = DockerClientFactory.connect(c.dockerHost(node.name()), Timeouts.CONTROL, c.clientTls())) {
            if (state(docker) != LocalNodeState.ACTIVE) {
                op.log("swarm join " + node.name());
                docker.joinSwarmCmd().withRemoteAddrs(List.of(first.address() + SWARM_PORT)).withJoinToken(token)
                        .withAdvertiseAddr(node.address()).withListenAddr("0.0.0.0" + SWARM_PORT).exec();
            }
        } catch (RuntimeException | java.io.IOException e) {
            throw new IllegalStateException("swarm join of " + node.name() + " failed: "
                    + redact(e.getMessage(), tokens.getManager(), tokens.getWorker()));
        }
        joined.accept(node.name());
    }

    /** Waits until the swarm lists exactly the cluster's nodes, all Ready, and its managers all reachable. */
    public void awaitReady(OperationContext op, ClusterRecord c) {
        int expected = c.nodes().size();
        await(op, expected + " ready swarm nodes", () -> {
            try (DockerClient leader = DockerClientFactory.connect(c.dockerHost(c.nodes().get(0).name()), Timeouts.CONTROL, c.clientTls())) {
                List<SwarmNode> nodes = leader.listSwarmNodesCmd().exec();
                long ready = nodes.stream().filter(n -> n.getStatus().getState() == SwarmNodeState.READY).count();
                long managers = nodes.stream().filter(n -> n.getManagerStatus() != null
                        && n.getManagerStatus().getReachability() == Reachability.REACHABLE).count();
                return ready == expected && nodes.size() == expected && managers == c.spec().managers();
            }
        });
    }

    /** Takes a node out: demoted if a manager, drained, made to leave, and removed from the node list. */
    public void remove(OperationContext op, ClusterRecord c, NodeAddress node) throws Exception {
        try (DockerClient leader = DockerClientFactory.connect(c.dockerHost(c.nodes().get(0).name()), Timeouts.CONTROL, c.clientTls())) {
            SwarmNode swarmNode = find(leader, node.name());
            if (swarmNode == null) {
                op.log(node.name() + " is not in the swarm");
                return;
            }
            SwarmNodeSpec spec = swarmNode.getSpec().withAvailability(SwarmNodeAvailability.DRAIN);
            if (spec.getRole() == SwarmNodeRole.MANAGER) {
                op.log("demoting " + node.name());
                spec = spec.withRole(SwarmNodeRole.WORKER);
            }
            op.log("draining " + node.name());
            leader.updateSwarmNodeCmd().withSwarmNodeId(swarmNode.getId())
                    .withVersion(swarmNode.getVersion().getIndex()).withSwarmNodeSpec(spec).exec();
            try (DockerClient docker = DockerClientFactory.connect(c.dockerHost(node.name()), Timeouts.CONTROL, c.clientTls())) {
                docker.leaveSwarmCmd().withForceEnabled(true).exec();
            } catch (RuntimeException e) {
                op.log(node.name() + " could not leave by itself (" + e.getMessage() + "); removing it by force");
            }
            await(op, node.name() + " down in the swarm", () -> {
                SwarmNode n = find(leader, node.name());
                return n == null || n.getStatus().getState() != SwarmNodeState.READY;
            });
            leader.removeSwarmNodeCmd(swarmNode.getId()).withForce(true).exec();
        }
    }

    private static SwarmNode find(DockerClient leader, String hostname) {
        return leader.listSwarmNodesCmd().exec().stream()
                .filter(n -> hostname.equals(n.getDescription().getHostname())).findFirst().orElse(null);
    }

    private static LocalNodeState state(DockerClient docker) {
        var swarm = docker.infoCmd().exec().getSwarm();
        return swarm == null ? LocalNodeState.INACTIVE : swarm.getLocalNodeState();
    }

    private static String redact(String message, String... secrets) {
        String m = String.valueOf(message);
        for (String s : secrets) {
            if (s != null) {
                m = m.replace(s, "<token>");
            }
        }
        return m;
    }

    /**
     * Every wait here is on a create's critical path (the dockerd before swarm init, each joining
     * node's, the leader listing a node before its promotion, the swarm Ready): polled every
     * 100 ms rather than the default 500 ms, which cost up to 0.5 s per wait, 0.25 s on average,
     * with two or three such waits one after another on the path (estimated, not measured alone).
     */
    private static final long POLL_MILLIS = 100;

    private void await(OperationContext op, String what, OperationContext.Check check) {
        op.await(what, timeout, POLL_MILLIS, check);
    }
}
