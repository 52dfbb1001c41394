package io.coreswarm.pki;

import java.nio.file.Path;

/**
 * Where a cluster's PKI lives under its root (by convention {@code <workspace>/pki}). Each folder
 * is complete for the one that uses it, so no consumer sees a key it has no business with:
 *
 * <pre>
 * pki/                      0700
 *   ca/ca.pem               the CA certificate
 *   ca/ca-key.pem           the CA key (0600): never leaves this folder
 *   client/ca.pem           DOCKER_CERT_PATH and ETCDCTL_*: what GET /certs hands out;
 *   client/cert.pem           the provisioner and the monitor use it too
 *   client/key.pem          (0600)
 *   nodes/core-01/ca.pem    what node core-01 mounts, read-only, at {@link #NODE_MOUNT}:
 *   nodes/core-01/server.pem       dockerd --tlscacert/--tlscert/--tlskey,
 *   nodes/core-01/server-key.pem   etcd --trusted-ca-file/--cert-file/--key-file and --peer-* (0600)
 * </pre>
 */
public record PkiLayout(Path root) {
    /** Where a node is meant to see its own folder of {@code nodes/} (a read-only folder bind mount). */
    public static final String NODE_MOUNT = "/etc/coreswarm/tls";

    public static final String CA_CERT = "ca.pem";
    public static final String CA_KEY = "ca-key.pem";
    public static final String CLIENT_CERT = "cert.pem";
    public static final String CLIENT_KEY = "key.pem";
    public static final String SERVER_CERT = "server.pem";
    public static final String SERVER_KEY = "server-key.pem";

    public PkiLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path caDir() {
        return root.resolve("ca");
    }

    public Path caCertificate() {
        return caDir().resolve(CA_CERT);
    }

    public Path caKey() {
        return caDir().resolve(CA_KEY);
    }

    /** A folder in docker's {@code DOCKER_CERT_PATH} layout: {@code ca.pem}, {@code cert.pem}, {@code key.pem}. */
    public Path clientDir() {
        return root.resolve("client");
    }

    public Path clientCa() {
        return clientDir().resolve(CA_CERT);
    }

    public Path clientCertificate() {
        return clientDir().resolve(CLIENT_CERT);
    }

    public Path clientKey() {
        return clientDir().resolve(CLIENT_KEY);
    }

    public Path nodesDir() {
        return root.resolve("nodes");
    }

    public Path nodeDir(String machine) {
        return nodesDir().resolve(ClusterPki.checkMachineName(machine));
    }

    public Path nodeCa(String machine) {
        return nodeDir(machine).resolve(CA_CERT);
    }

    public Path serverCertificate(String machine) {
        return nodeDir(machine).resolve(SERVER_CERT);
    }

    public Path serverKey(String machine) {
        return nodeDir(machine).resolve(SERVER_KEY);
    }
}
