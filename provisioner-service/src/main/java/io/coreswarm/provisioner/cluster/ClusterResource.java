package io.coreswarm.provisioner.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import io.coreswarm.api.cluster.Cluster;
import io.coreswarm.api.cluster.ClusterApi;
import io.coreswarm.api.cluster.ClusterEndpoints;
import io.coreswarm.api.cluster.ClusterNode;
import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.cluster.ScaleRequest;
import io.coreswarm.api.cluster.SwarmRole;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.pki.PkiLayout;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.model.Conditions;
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
        return clusters.shown().stream().map(ClusterResource::view).toList();
    }

    @Override
    public Cluster get(String name) {
        return view(clusters.shown(name));
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
    public String env(String name, String shell, boolean unset) {
        ClusterRecord c = clusters.get(name);
        EnvShell sh = EnvShell.of(shell);
        String self = "http://localhost:8082/v1/clusters/" + c.name() + "/env"
                + (shell == null ? "" : "?shell=" + shell) + (unset ? (shell == null ? "?" : "&") + "unset=true" : "");
        List<String> lines = new ArrayList<>();
        if (unset) {
            ENV_NAMES.forEach(n -> lines.add(sh.unset(n)));
        } else {
            ClusterEndpoints e = endpoints(c);
            if (!c.tls()) {
                lines.add("# cluster " + c.name() + " is open (\"tls\": false): its Docker (" + c.spec().dockerPort()
                        + ") and etcd answer anyone who reaches them, without TLS or authentication");
            }
            lines.add(c.tls() ? sh.set("DOCKER_TLS_VERIFY", "1") : sh.unset("DOCKER_TLS_VERIFY"));
            lines.add(sh.set("DOCKER_HOST", e.dockerHost()));
            if (c.tls()) {
                PkiLayout pki = c.pkiLayout();
                lines.add(sh.set("DOCKER_CERT_PATH", pki.clientDir().toString()));
                lines.add(sh.set("ETCDCTL_API", "3"));
                lines.add(sh.set("ETCDCTL_ENDPOINTS", String.join(",", e.etcd())));
                lines.add(sh.set("ETCDCTL_CACERT", pki.clientCa().toString()));
                lines.add(sh.set("ETCDCTL_CERT", pki.clientCertificate().toString()));
                lines.add(sh.set("ETCDCTL_KEY", pki.clientKey().toString()));
            } else {
                lines.add(sh.unset("DOCKER_CERT_PATH"));
                lines.add(sh.set("ETCDCTL_API", "3"));
                lines.add(sh.set("ETCDCTL_ENDPOINTS", String.join(",", e.etcd())));
                List.of("ETCDCTL_CACERT", "ETCDCTL_CERT", "ETCDCTL_KEY").forEach(n -> lines.add(sh.unset(n)));
            }
            lines.add(sh.set("CORESWARM_CLUSTER", c.name()));
            if (e.registry() != null) {
                lines.add(sh.set("CORESWARM_REGISTRY", e.registry()));
                lines.add("# Push to the cluster's registry through its dockerd, which trusts it:");
                lines.add("# docker tag app:1 $CORESWARM_REGISTRY/app:1 && docker push $CORESWARM_REGISTRY/app:1");
            }
            if (c.tls()) {
                lines.add("# DOCKER_CERT_PATH is this host's copy of the cluster's client certificate; on another machine:");
                lines.add("# curl -s -H \"Authorization: Bearer $TOKEN\" localhost:8082/v1/clusters/" + c.name()
                        + "/certs | tar -x -C DIR, and point DOCKER_CERT_PATH");
                lines.add("# and ETCDCTL_CACERT/CERT/KEY at DIR's ca.pem, cert.pem and key.pem");
            }
        }
        lines.add("# Run this command to configure your shell:");
        lines.add("# " + sh.usage(self));
        return String.join("\n", lines) + "\n";
    }

    /** Everything {@code env} may set, in the order it sets them: what its unset form clears. */
    static final List<String> ENV_NAMES = List.of("DOCKER_TLS_VERIFY", "DOCKER_HOST", "DOCKER_CERT_PATH", "ETCDCTL_API",
            "ETCDCTL_ENDPOINTS", "ETCDCTL_CACERT", "ETCDCTL_CERT", "ETCDCTL_KEY", "CORESWARM_CLUSTER", "CORESWARM_REGISTRY");

    static Cluster view(ClusterRecord c) {
        List<ClusterNode> nodes = c.nodes().stream()
                .map(n -> {
                    MachineObservation m = c.machine(n.name());
                    return new ClusterNode(n.name(), m.state(), m.confirmedAt(), n.address(),
                            c.isManager(n.name()) ? SwarmRole.MANAGER : SwarmRole.WORKER);
                })
                .toList();
        return new Cluster(c.spec(), c.phase(), Conditions.merge(c.conditions(), List.of(secure(c))), nodes, endpoints(c), c.discoveryUrl(),
                c.createdAt(), c.currentOperation());
    }

    public static final String SECURE = "Secure";

    /**
     * Whether the cluster's Docker and etcd want its certificates: every view of an open cluster
     * ({@code "tls": false}) says so, as a condition {@code Secure=False} (reason {@code TlsDisabled}).
     */
    static Condition secure(ClusterRecord c) {
        return c.tls()
                ? new Condition(SECURE, "True", "TlsVerified", "Docker on " + c.spec().dockerPort()
                        + " (--tlsverify) and etcd (https, client and peer certificates) accept only certificates of the cluster's CA;"
                        + " GET /v1/clusters/" + c.name() + "/certs hands out the client's", c.createdAt())
                : new Condition(SECURE, "False", "TlsDisabled", "the cluster is open (\"tls\": false): Docker on "
                        + c.spec().dockerPort() + " and etcd answer anyone who reaches them, without TLS or authentication", c.createdAt());
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
