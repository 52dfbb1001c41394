package io.coreswarm.config.render.flatcar;

import io.coreswarm.config.render.NodeTlsFiles;
import io.coreswarm.config.render.RenderContext;

/**
 * The drop-in that turns Flatcar's {@code etcd-member.service} into a member of the cluster.
 * Flatcar's unit runs {@code /usr/lib/flatcar/etcd-wrapper}, which starts the etcd image
 * {@code $ETCD_IMAGE_URL:$ETCD_IMAGE_TAG} in Docker and hands it every variable of the unit's
 * environment, so etcd is configured entirely through {@code ETCD_*} variables.
 *
 * <p>With TLS, clients and peers are served over https with client-certificate auth. The wrapper
 * bind-mounts {@code $ETCD_SSL_DIR} read-only at {@code /etc/ssl/certs} in etcd's container, so
 * {@code ETCD_SSL_DIR} is the node's TLS folder and the file variables name the container's paths.
 * etcd runs as the user {@code etcd}, hence the key is owned by it ({@link FlatcarNode}).
 */
final class EtcdMemberDropin {

    static final String UNIT = "etcd-member.service";
    static final String NAME = "20-coreswarm-etcd-member.conf";

    /**
     * coreswarm's discovery endpoint speaks the v2 discovery protocol, which etcd 3.6 deprecates in
     * favour of v3 discovery; newer Flatcar releases ship 3.6, so the member is pinned to 3.5.
     */
    static final String ETCD_IMAGE_TAG = "v3.5.16";

    static final int CLIENT_PORT = 2379;
    static final int PEER_PORT = 2380;

    /** Where etcd-wrapper mounts {@code $ETCD_SSL_DIR} in etcd's container. */
    static final String CONTAINER_TLS_DIR = "/etc/ssl/certs";

    private EtcdMemberDropin() {
    }

    static ButaneConfig.Dropin forNode(RenderContext context, String name, String address) {
        boolean tls = context.spec().tls();
        String scheme = tls ? "https://" : "http://";
        String client = scheme + address + ":" + CLIENT_PORT;
        String peer = scheme + address + ":" + PEER_PORT;
        SystemdEnvironment environment = new SystemdEnvironment()
                .set("ETCD_IMAGE_TAG", ETCD_IMAGE_TAG)
                .set("ETCD_NAME", name)
                .set("ETCD_DATA_DIR", "/var/lib/etcd")
                // loopback too, so etcdctl on the node reaches it (with TLS: its certificate names 127.0.0.1)
                .set("ETCD_LISTEN_CLIENT_URLS", client + "," + scheme + "127.0.0.1:" + CLIENT_PORT)
                .set("ETCD_ADVERTISE_CLIENT_URLS", client)
                .set("ETCD_LISTEN_PEER_URLS", peer)
                .set("ETCD_INITIAL_ADVERTISE_PEER_URLS", peer)
                .set("ETCD_DISCOVERY", context.discoveryUrl());
        if (tls) {
            String ca = CONTAINER_TLS_DIR + "/" + NodeTlsFiles.CA;
            String cert = CONTAINER_TLS_DIR + "/" + NodeTlsFiles.CERT;
            String key = CONTAINER_TLS_DIR + "/" + NodeTlsFiles.KEY;
            environment.set("ETCD_SSL_DIR", NodeTlsFiles.DIR)
                    .set("ETCD_CLIENT_CERT_AUTH", "true")
                    .set("ETCD_TRUSTED_CA_FILE", ca)
                    .set("ETCD_CERT_FILE", cert)
                    .set("ETCD_KEY_FILE", key)
                    .set("ETCD_PEER_CLIENT_CERT_AUTH", "true")
                    .set("ETCD_PEER_TRUSTED_CA_FILE", ca)
                    .set("ETCD_PEER_CERT_FILE", cert)
                    .set("ETCD_PEER_KEY_FILE", key);
        }
        // Vagrant configures the private network after boot: until the address exists etcd fails to
        // bind, and the unit's Restart= brings it back. No comments in the unit text: VirtualBox 7.2
        // caps the whole Ignition config at 1 KiB.
        return new ButaneConfig.Dropin(NAME, "[Service]\n" + environment.lines());
    }
}
