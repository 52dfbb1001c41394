package io.coreswarm.config.render.flatcar;

import java.util.List;

/**
 * Docker's API on a TCP port as Flatcar documents it ("Customizing Docker"): an extra socket unit
 * that hands its listener to {@code docker.service} through socket activation, next to the unix socket.
 */
final class DockerTcpSocket {

    static final String UNIT = "docker-tcp.socket";

    private DockerTcpSocket() {
    }

    static ButaneConfig.Unit listeningOn(int port) {
        return new ButaneConfig.Unit(UNIT, true, """
                [Unit]
                Description=Docker API on TCP port %d (coreswarm)

                [Socket]
                ListenStream=%d
                BindIPv6Only=both
                Service=docker.service

                [Install]
                WantedBy=sockets.target
                """.formatted(port, port), List.of());
    }
}
