package io.coreswarm.config.render.flatcar;

import java.util.List;

/**
 * Docker's API on a TCP port as Flatcar documents it ("Customizing Docker"): an extra socket unit
 * that hands its listener to {@code docker.service} through socket activation, next to the unix
 * socket. With TLS dockerd serves it with {@code tlsverify} ({@link DockerDaemonJson}); without,
 * the description says the port is open.
 */
final class DockerTcpSocket {

    static final String UNIT = "docker-tcp.socket";

    private DockerTcpSocket() {
    }

    static ButaneConfig.Unit listeningOn(int port, boolean tls) {
        String description = tls
                ? "Docker API on TCP port %d, TLS with client certificates (coreswarm)".formatted(port)
                : "Docker API on TCP port %d, OPEN: no TLS, tls is false (coreswarm)".formatted(port);
        return new ButaneConfig.Unit(UNIT, true, """
                [Unit]
                Description=%s

                [Socket]
                ListenStream=%d
                BindIPv6Only=both
                Service=docker.service

                [Install]
                WantedBy=sockets.target
                """.formatted(description, port), List.of());
    }
}
