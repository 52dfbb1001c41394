package io.coreswarm.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The member that leads now, asked of the live members with {@code etcdctl endpoint status}:
     * the one whose own id is the leader it reports. An AssertionError when none answers.
     */
    public EtcdProcess leader() {
        for (EtcdProcess m : members) {
            if (!m.isAlive()) {
                continue;
            }
            Exec status = Exec.run(List.of("etcdctl", "--endpoints", m.clientUrl(), "--command-timeout=3s", "endpoint", "status", "-w", "json"));
            Matcher id = Pattern.compile("\"member_id\":(\\d+)").matcher(status.output());
            Matcher leader = Pattern.compile("\"leader\":(\\d+)").matcher(status.output());
            if (status.exitCode() == 0 && id.find() && leader.find() && id.group(1).equals(leader.group(1))) {
                return m;
            }
        }
        throw new AssertionError("no live member of " + clientUrls() + " says it leads");
    }

    @Override
    public void close() {
        members.forEach(EtcdProcess::kill);
    }
}
