package io.coreswarm.provisioner.etcd;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.ProvisionerConfig;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.pki.ClientTls;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.cluster.Member;

/**
 * The cluster's etcd through jetcd. Nodes bootstrap themselves through the discovery URL; the
 * provisioner waits for them, and on scaling announces or removes members, which discovery
 * (sized once) cannot do.
 */
@ApplicationScoped
public class EtcdMembership {
    private static final String UNHEALTHY = "unhealthy cluster";
    private final Duration timeout;

    EtcdMembership(ProvisionerConfig config) {
        this.timeout = config.readyTimeout();
    }

    /** Waits until the members are exactly the given nodes, all started, and each answers status. */
    public void awaitMembers(OperationContext op, ClusterRecord c, List<NodeAddress> nodes) {
        Set<String> expected = nodes.stream().map(NodeAddress::name).collect(Collectors.toSet());
        op.await(nodes.size() + " started etcd members", timeout, () -> {
            // a socket per node is far cheaper than a gRPC client while the containers still start
            for (NodeAddress node : nodes) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(node.address(), NodeLayout.ETCD_CLIENT_PORT), 200);
                }
            }
            try (Client etcd = client(c, nodes)) {
                List<Member> members = etcd.getClusterClient().listMember().get(5, TimeUnit.SECONDS).getMembers();
                Set<String> started = members.stream().map(Member::getName).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
                if (!started.equals(expected) || members.size() != expected.size()) {
                    throw new IllegalStateException("members " + started + " of " + members.size());
                }
                for (NodeAddress node : nodes) {
                    etcd.getMaintenanceClient().statusMember(c.etcdEndpoint(node.name())).get(5, TimeUnit.SECONDS);
                }
                return true;
            }
        });
        op.log("etcd members: " + expected.stream().sorted().toList());
    }

    /**
     * Announces a new member ({@code etcdctl member add}) and returns the {@code --initial-cluster}
     * it must start with.
     */
    public String add(OperationContext op, ClusterRecord c, NodeAddress node) throws Exception {
        URI peer = URI.create(c.etcdPeerUrl(node));
        return whenHealthy(op, () -> {
            try (Client etcd = client(c, c.nodes())) {
                List<Member> members = etcd.getClusterClient().listMember().get(10, TimeUnit.SECONDS).getMembers();
                if (members.stream().noneMatch(m -> m.getPeerURIs().contains(peer))) {
                    op.log("etcd member add " + node.name() + " " + peer);
                    members = etcd.getClusterClient().addMember(List.of(peer)).get(10, TimeUnit.SECONDS).getMembers();
                }
                return members.stream()
                        .map(m -> (m.getPeerURIs().contains(peer) ? node.name() : m.getName()) + "=" + m.getPeerURIs().get(0))
                        .collect(Collectors.joining(","));
            }
        });
    }

    /** Removes a node's member ({@code etcdctl member remove}), if it has one. */
    public void remove(OperationContext op, ClusterRecord c, NodeAddress node) throws Exception {
        URI peer = URI.create(c.etcdPeerUrl(node));
        List<NodeAddress> others = c.nodes().stream().filter(n -> !n.equals(node)).toList();
        whenHealthy(op, () -> {
            try (Client etcd = client(c, others)) {
                for (Member m : etcd.getClusterClient().listMember().get(10, TimeUnit.SECONDS).getMembers()) {
                    if (m.getPeerURIs().contains(peer)) {
                        op.log("etcd member remove " + node.name());
                        etcd.getClusterClient().removeMember(m.getId()).get(10, TimeUnit.SECONDS);
                    }
                }
                return null;
            }
        });
    }

    /** A membership change; both kinds look before they change, so trying one again is safe. */
    @FunctionalInterface
    private interface Change<T> {
        T run() throws Exception;
    }

    /**
     * etcd refuses a membership change until every member has been connected for a few seconds
     * ({@code etcdserver: unhealthy cluster}, its strict reconfiguration check), as right after a
     * create or a resume: that refusal is tried again until the ready timeout; any other fails at once.
     */
    private <T> T whenHealthy(OperationContext op, Change<T> change) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                return change.run();
            } catch (ExecutionException e) {
                if (!String.valueOf(e.getMessage()).contains(UNHEALTHY) || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                op.log("etcd refuses membership changes for now (" + UNHEALTHY + "); trying again in a second");
                op.pause(1000);
            }
        }
    }

    /** Over TLS (https endpoints) with the cluster's client certificate, which the members' --client-cert-auth asks for. */
    private static Client client(ClusterRecord c, List<NodeAddress> nodes) {
        ClientBuilder builder = Client.builder().endpoints(nodes.stream().map(n -> c.etcdEndpoint(n.name())).toArray(String[]::new))
                .connectTimeout(Duration.ofSeconds(3));
        if (c.tls()) {
            builder.sslContext(ClientTls.jetcd(c.pkiLayout().clientDir()));
        }
        return builder.build();
    }
}
