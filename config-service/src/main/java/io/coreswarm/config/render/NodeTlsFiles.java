package io.coreswarm.config.render;

import java.util.List;

/**
 * Where a node finds its TLS files: the folder {@code nodes/<machine>/} of the cluster's PKI
 * ({@code ca.pem}, {@code server.pem}, {@code server-key.pem}) appears in the node at
 * {@link #DIR}. The names are the pki module's ({@code PkiLayout.NODE_MOUNT}, {@code CA_CERT},
 * {@code SERVER_CERT}, {@code SERVER_KEY}; a test holds them equal): config-service only names these
 * files and never holds one, since it has no keys and must not see any.
 */
public final class NodeTlsFiles {

    /** The folder in the node. */
    public static final String DIR = "/etc/coreswarm/tls";
    public static final String CA = "ca.pem";
    public static final String CERT = "server.pem";
    public static final String KEY = "server-key.pem";

    /** In the pki folder: {@code nodes/<machine>/} holds what node {@code machine} sees at {@link #DIR}. */
    public static final String PKI_NODES = "nodes";

    /** The three files, certificates first. */
    public static final List<String> NAMES = List.of(CA, CERT, KEY);

    private NodeTlsFiles() {
    }

    public static String inNode(String name) {
        return DIR + "/" + name;
    }

    /** Where {@code name} of node {@code machine} is, relative to the cluster's pki folder. */
    public static String inPki(String machine, String name) {
        return PKI_NODES + "/" + machine + "/" + name;
    }

    /** The key is 0600, the certificates 0644, as the pki module writes them. */
    public static int mode(String name) {
        return KEY.equals(name) ? 0600 : 0644;
    }
}
