package io.coreswarm.config.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code etcd} (found on the PATH) on free loopback ports, bootstrapping through a
 * discovery URL. Its data dir and log live under {@code workDir} (below target/).
 */
final class EtcdProcess implements AutoCloseable {
    final String name;
    final int clientPort;
    final int peerPort;
    final Path log;
    private final Process process;

    private EtcdProcess(String name, int clientPort, int peerPort, Path log, Process process) {
        this.name = name;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
        this.log = log;
        this.process = process;
    }

    static EtcdProcess start(String name, String discoveryUrl, Path workDir, String... extraArgs) throws IOException {
        int clientPort = freePort();
        int peerPort = freePort();
        String client = "http://127.0.0.1:" + clientPort;
        String peer = "http://127.0.0.1:" + peerPort;
        List<String> command = new ArrayList<>(List.of("etcd",
                "--name", name,
                "--data-dir", workDir.resolve(name + ".etcd").toString(),
                "--discovery", discoveryUrl,
                "--initial-advertise-peer-urls", peer,
                "--listen-peer-urls", peer,
                "--listen-client-urls", client,
                "--advertise-client-urls", client));
        command.addAll(List.of(extraArgs));
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // ETCD_* variables of whoever runs the build would override these flags
        builder.environment().keySet().removeIf(k -> k.startsWith("ETCD"));
        return new EtcdProcess(name, clientPort, peerPort, log, builder.start());
    }

    String clientUrl() {
        return "http://127.0.0.1:" + clientPort;
    }

    String peerUrl() {
        return "http://127.0.0.1:" + peerPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or null if it is still running after {@code seconds}. */
    Integer exitWithin(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
