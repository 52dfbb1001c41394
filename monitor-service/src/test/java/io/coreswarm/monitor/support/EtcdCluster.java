package io.coreswarm.monitor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real etcd cluster of three processes ({@code etcd} on the PATH) on free loopback ports, with a
 * static {@code --initial-cluster} and the v2 API enabled, so both probes can watch it. Data dirs
 * and logs under {@code target/}. Members can be killed and started again on the same ports.
 */
public final class EtcdCluster implements AutoCloseable {
    public final List<Member> members = new ArrayList<>();
    private final Path dir;

    public EtcdCluster(String name, int size) {
        this.dir = Path.of("target", "etcd-" + name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        for (int i = 1; i <= size; i++) {
            members.add(new Member(name + "-" + i, FreePorts.next(), FreePorts.next()));
        }
    }

    public EtcdCluster start() {
        members.forEach(this::start);
        return this;
    }

    public List<String> clientUrls() {
        return members.stream().map(Member::clientUrl).toList();
    }

    public Member member(int i) {
        return members.get(i);
    }

    public void start(Member m) {
        String initialCluster = members.stream().map(x -> x.name + "=" + x.peerUrl()).collect(Collectors.joining(","));
        List<String> command = List.of("etcd",
                "--name", m.name,
                "--data-dir", dir.resolve(m.name + ".etcd").toString(),
                "--initial-advertise-peer-urls", m.peerUrl(),
                "--listen-peer-urls", m.peerUrl(),
                "--listen-client-urls", m.clientUrl(),
                "--advertise-client-urls", m.clientUrl(),
                "--initial-cluster", initialCluster,
                "--initial-cluster-state", "new",
                "--initial-cluster-token", "coreswarm-monitor-test",
                "--enable-v2");
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(m.name + ".log").toFile()));
            // ETCD_* variables of whoever runs the build would override these flags
            builder.environment().keySet().removeIf(k -> k.startsWith("ETCD"));
            m.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the member vanishes as a crashed host would. */
    public void kill(Member m) {
        if (m.process != null) {
            m.process.destroyForcibly();
            try {
                m.process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        members.forEach(this::kill);
    }

    public static final class Member {
        public final String name;
        public final int clientPort;
        public final int peerPort;
        Process process;

        Member(String name, int clientPort, int peerPort) {
            this.name = name;
            this.clientPort = clientPort;
            this.peerPort = peerPort;
        }

        public String clientUrl() {
            return "http://127.0.0.1:" + clientPort;
        }

        String peerUrl() {
            return "http://127.0.0.1:" + peerPort;
        }
    }
}
