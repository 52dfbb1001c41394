package io.coreswarm.config.render.flatcar;

import java.util.List;

import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.config.render.RenderContext;

/**
 * What one Flatcar node boots with: its hostname, an etcd v3 member joining through the discovery
 * URL, and Docker on the unix socket and TCP {@code dockerPort} with the spec's engine labels.
 * Swarm mode needs nothing more at boot: the provisioner runs {@code swarm init/join} through the API.
 */
record FlatcarNode(RenderContext context, int index) {

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
                        DockerDaemonJson.withLabels(spec.labels())),
                List.of(new ButaneConfig.Unit(EtcdMemberDropin.UNIT, true, null,
                                List.of(EtcdMemberDropin.forNode(context, name(), address()))),
                        DockerTcpSocket.listeningOn(spec.dockerPort()),
                        ButaneConfig.Unit.enable("docker.service")));
    }
}
