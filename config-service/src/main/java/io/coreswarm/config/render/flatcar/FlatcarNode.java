package io.coreswarm.config.render.flatcar;

import java.util.ArrayList;
import java.util.List;

import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.config.render.NodeTlsFiles;
import io.coreswarm.config.render.RenderContext;

/**
 * What one Flatcar node boots with: its hostname, an etcd v3 member joining through the discovery
 * URL, and Docker on the unix socket and TCP {@code dockerPort} with the spec's engine labels.
 * Swarm mode needs nothing more at boot: the provisioner runs {@code swarm init/join} through the API.
 *
 * <p>With TLS the node also gets its three TLS files at {@code /etc/coreswarm/tls} as Butane
 * {@code contents.local} entries, relative to the cluster's pki folder
 * ({@code nodes/core-01/server-key.pem}): {@code butane --files-dir <pki> core-01.bu} fills them in.
 * The key is 0600 and owned by {@code etcd}, the user etcd-member's container runs as (dockerd, root,
 * reads it all the same).
 */
record FlatcarNode(RenderContext context, int index) {

    /** The user etcd runs as on Flatcar (etcd-member.service's {@code ETCD_USER}). */
    static final String ETCD_USER = "etcd";

    String name() {
        return ClusterSpec.nodeName(index);
    }

    String address() {
        return context.nodeAddress(index);
    }

    ButaneConfig butane() {
        ClusterSpec spec = context.spec();
        return new ButaneConfig(
                List.of(new ButaneConfig.File("/etc/hostname", ButaneConfig.FileMode.RW_R_R, true, name() + "\n"),
                        DockerDaemonJson.of(spec.labels(), spec.tls())),
                spec.tls() ? tlsFiles(name()) : List.of(),
                List.of(new ButaneConfig.Unit(EtcdMemberDropin.UNIT, true, null,
                                List.of(EtcdMemberDropin.forNode(context, name(), address()))),
                        DockerTcpSocket.listeningOn(spec.dockerPort(), spec.tls()),
                        ButaneConfig.Unit.enable("docker.service")));
    }

    static List<ButaneConfig.LocalFile> tlsFiles(String machine) {
        List<ButaneConfig.LocalFile> files = new ArrayList<>();
        for (String name : NodeTlsFiles.NAMES) {
            boolean key = name.equals(NodeTlsFiles.KEY);
            files.add(new ButaneConfig.LocalFile(NodeTlsFiles.inNode(name),
                    new ButaneConfig.FileMode(NodeTlsFiles.mode(name)), key ? ETCD_USER : null,
                    NodeTlsFiles.inPki(machine, name)));
        }
        return files;
    }
}
