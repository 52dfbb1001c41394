package io.coreswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.coreswarm.cli.support.Cli;
import io.coreswarm.cli.support.ServiceProcess;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdCluster;

/**
 * {@code replicas} against two real config-service replicas on a real 3-member etcd: each lists
 * both and marks itself; a replica killed with SIGKILL drops out of the list within one lease TTL.
 */
class ReplicasOnEtcdIT {
    static final Duration TTL = Duration.ofSeconds(3);
    @TempDir
    static Path home;
    static EtcdCluster etcd;
    static ServiceProcess a;
    static ServiceProcess b;

    @BeforeAll
    static void start() throws IOException {
        etcd = new EtcdCluster("replicas", 3, Path.of("target", "etcd-replicas-" + ProcessHandle.current().pid()).toAbsolutePath()).start();
        a = replica("config-a");
        b = replica("config-b");
    }

    static ServiceProcess replica(String id) throws IOException {
        return ServiceProcess.start("config-service", home, "coreswarm.store=etcd",
                "coreswarm.etcd.endpoints=" + String.join(",", etcd.clientUrls()), "coreswarm.etcd.lease-ttl=" + TTL.toSeconds() + "s",
                "coreswarm.replica.id=" + id);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] { a, b, etcd }) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next one is stopped anyway
            }
        }
    }

    @Test
    void eachReplicaListsBothAndMarksItselfAndAKilledOneDropsOutWithinTheLeaseTtl() throws Exception {
        Cli.Run fromA = cli(a).run("replicas", "--service", "config");
        assertEquals(0, fromA.exitCode(), fromA::toString);
        List<String> rows = fromA.out().strip().lines().skip(1).toList();
        assertEquals(2, rows.size(), fromA::toString);
        assertTrue(rows.get(0).matches("config-a \\* +config-service +" + a.url() + " +\\S+ +etcd +-"), fromA::toString);
        assertTrue(rows.get(1).matches("config-b +config-service +" + b.url() + " +\\S+ +etcd +-"), fromA::toString);

        Cli.Run ids = cli(b).run("replicas", "--service", "config", "--field", "[].id");
        assertEquals(List.of("config-a", "config-b"), ids.out().lines().toList(), ids::toString);
        Cli.Run selfOfB = cli(b).run("replicas", "-s", "config", "-o", "json");
        assertTrue(selfOfB.out().matches("(?s).*\"id\" : \"config-b\",.*\"self\" : true.*"), selfOfB::toString);
        assertTrue(selfOfB.out().matches("(?s).*\"id\" : \"config-a\",.*\"self\" : false.*"), selfOfB::toString);

        long killed = System.nanoTime();
        b.kill();
        Cli cliOfA = cli(a);
        Cli.Run after = Await.until("config-b gone from config-a's list", TTL.plusSeconds(10), Duration.ofMillis(200),
                () -> cliOfA.run("replicas", "-s", "config"), r -> r.exitCode() == 0 && !r.out().contains("config-b"));
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        assertTrue(after.out().contains("config-a *"), after::toString);
        // one TTL, plus etcd's own lease check and one CLI run (a JVM start) of slack
        assertTrue(took.compareTo(TTL.plusSeconds(4)) < 0, "config-b still listed " + took.toMillis() + " ms after its death");
    }

    static Cli cli(ServiceProcess replica) {
        return new Cli(home).with("CORESWARM_CONFIG_URL", replica.url());
    }
}
