package io.coreswarm.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real etcd cluster of {@code size} processes on loopback with a static initial cluster and the v2
 * API enabled (so both the v2 and v3 API can watch it). Members can be killed and started again.
 */
public final class EtcdCluster implements AutoCloseable {
    private final List<EtcdProcess> members = new ArrayList<>();

    private final List<String> bootstrap;

    public EtcdCluster(String name, int size, Path workDir) {
        for (int i = 1; i <= size; i++) {
            // ports are chosen before any member starts: every member's peer URL is in the initial cluster
            members.add(EtcdProcess.prepare(name + "-" + i, workDir));
        }
        String initialCluster = members.stream().map(m -> m.name() + "=" + m.peerUrl()).collect(Collectors.joining(","));
        bootstrap = List.of("--initial-cluster", initialCluster, "--initial-cluster-state", "new",
                "--initial-cluster-token", "coreswarm-test-" + name, "--enable-v2");
    }

    public EtcdCluster start() {
        members.forEach(m -> m.start(bootstrap));
        return this;
    }

    public List<EtcdProcess> members() {
        return List.copyOf(members);
    }

    public EtcdProcess member(int i) {
        return members.get(i);
    }

    public List<String> clientUrls() {
        return members.stream().map(EtcdProcess::clientUrl).toList();
    }

    @Override
    public void close() {
        members.forEach(EtcdProcess::kill);
    }
}
