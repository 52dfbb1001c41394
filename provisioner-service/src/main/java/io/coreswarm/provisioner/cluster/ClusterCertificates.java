package io.coreswarm.provisioner.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.api.spec.Target;
import io.coreswarm.pki.ClusterPki;
import io.coreswarm.pki.IssuedCertificate;
import io.coreswarm.pki.PkiLayout;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.nodefiles.IgnitionTlsFiles;
import io.coreswarm.provisioner.operation.OperationContext;

/**
 * Each TLS cluster's {@link ClusterPki}, one instance per cluster in this process (its methods are
 * synchronized per instance): made at the first create step ({@code loadOrCreate}, so a step run
 * again reuses the CA), loaded on first use after a restart. Only what {@code IssuedCertificate}'s
 * {@code toString} shows (subject, serial, SANs, expiry, fingerprint) ever reaches a log.
 */
@ApplicationScoped
public class ClusterCertificates {
    private final Map<String, ClusterPki> byCluster = new ConcurrentHashMap<>();

    /** The cluster's PKI, created with its CA and client certificate if it has none yet. */
    public ClusterPki pki(ClusterRecord c) {
        return byCluster.computeIfAbsent(c.name(), name -> ClusterPki.loadOrCreate(c.pkiLayout().root(), name));
    }

    /**
     * A server certificate for each node, before its machine starts: its address and container name
     * in the SANs (the machine name, localhost and loopback are added by the PKI). The node's folder
     * exists before Vagrant bind-mounts it (a missing source would be made empty, by root).
     */
    public void issue(OperationContext op, ClusterRecord c, List<NodeAddress> nodes) {
        if (!c.tls()) {
            op.log("tls: false: the nodes serve Docker on " + c.spec().dockerPort() + " and etcd in plain TCP, without authentication");
            return;
        }
        ClusterPki pki = pki(c);
        for (NodeAddress node : nodes) {
            IssuedCertificate cert = pki.issueNode(node.name(), List.of(node.address(), NodeLayout.containerName(c.name(), node.name())));
            op.log("certificate for " + node.name() + ": " + cert);
            if (c.spec().target() == Target.FLATCAR) {
                addToIgnition(op.workspace().machines(), pki.layout(), node.name());
                op.log("flatcar/" + node.name() + ".ign: the node's TLS files added (the file is 0600: it holds the node's key)");
            }
        }
    }

    /**
     * A Flatcar node gets its files from its Ignition config, which config-service renders without
     * them (it holds no keys): they are added here, and the config written 0600 from then on.
     */
    static void addToIgnition(Path machines, PkiLayout pki, String node) {
        Path ignition = machines.resolve("flatcar").resolve(node + ".ign");
        try {
            IgnitionTlsFiles.writeOwnerOnly(ignition, IgnitionTlsFiles.add(Files.readString(ignition), pki.nodeDir(node)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ignition, e);
        }
    }

    /** Removes the nodes' folders (their keys with them) after their machines are gone. */
    public void remove(OperationContext op, ClusterRecord c, List<NodeAddress> nodes) {
        if (!c.tls()) {
            return;
        }
        ClusterPki pki = pki(c);
        for (NodeAddress node : nodes) {
            pki.removeNode(node.name());
            op.log("certificate of " + node.name() + " removed");
        }
    }

    /**
     * New keys and certificates for every node, with the names it has now (address, container name);
     * with {@code newCa} a new CA and client certificate first. Nothing is restarted here.
     */
    public void regenerate(OperationContext op, ClusterRecord c, boolean newCa) {
        ClusterPki pki = pki(c);
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        for (NodeAddress node : c.nodes()) {
            hosts.put(node.name(), List.of(node.address(), NodeLayout.containerName(c.name(), node.name())));
        }
        pki.regenerate(newCa, hosts);
        op.log((newCa ? "new CA and client certificate; " : "same CA; ") + "new certificates for " + String.join(", ", hosts.keySet())
                + (newCa ? ": every copy of the old client folder is now refused" : ""));
    }

    /** Forgets a destroyed cluster's PKI (its folder goes with the workspace). */
    public void forget(String cluster) {
        byCluster.remove(cluster);
    }

    /** The client folder: what the provisioner, the monitor and {@code GET /certs} use. */
    public static Path clientDir(ClusterRecord c) {
        return c.pkiLayout().clientDir();
    }
}
