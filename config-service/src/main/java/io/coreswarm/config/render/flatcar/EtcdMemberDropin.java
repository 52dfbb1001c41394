package io.coreswarm.config.render.flatcar;

import io.coreswarm.config.render.RenderContext;

/**
 * The drop-in that turns Flatcar's {@code etcd-member.service} into a member of the cluster.
 * Flatcar's unit runs {@code /usr/lib/flatcar/etcd-wrapper}, which starts the etcd image
 * {@code $ETCD_IMAGE_URL:$ETCD_IMAGE_TAG} in Docker and hands it every variable of the unit's
 * environment, so etcd is configured entirely through {@code ETCD_*} variables.
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

    private EtcdMemberDropin() {
    }

    static ButaneConfig.Dropin forNode(RenderContext context, String name, String address) {
        String client = "http://" + address + ":" + CLIENT_PORT;
        String peer = "http://" + address + ":" + PEER_PORT;
        String environment = new SystemdEnvironment()
                .set("ETCD_IMAGE_TAG", ETCD_IMAGE_TAG)
                .set("ETCD_NAME", name)
                .set("ETCD_DATA_DIR", "/var/lib/etcd")
                // loopback too, so etcdctl on the node works without flags
                .set("ETCD_LISTEN_CLIENT_URLS", client + ",http://127.0.0.1:" + CLIENT_PORT)
                .set("ETCD_ADVERTISE_CLIENT_URLS", client)
                .set("ETCD_LISTEN_PEER_URLS", peer)
                .set("ETCD_INITIAL_ADVERTISE_PEER_URLS", peer)
                .set("ETCD_DISCOVERY", context.discoveryUrl())
                .lines();
        // Vagrant configures the private network after boot: until the address exists etcd fails to
        // bind, and the unit's Restart= brings it back. No comments in the unit text: VirtualBox 7.2
        // caps the whole Ignition config at 1 KiB.
        return new ButaneConfig.Dropin(NAME, "[Service]\n" + environment);
    }
}
