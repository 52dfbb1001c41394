package io.coreswarm.provisioner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.api.spec.Target;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.model.Owner;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdCluster;

/**
 * Cluster records of two replicas in one real etcd: a name taken by exactly one of them however
 * they race, each change a compare-and-swap that keeps the owner, a record another replica owns
 * never removed.
 */
class EtcdClusterRecordsTest {
    @TempDir
    static Path work;
    static EtcdCluster etcd;
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final Owner A = new Owner("a", "host-a", "http://127.0.0.1:1");
    static final Owner B = new Owner("b", "host-b", "http://127.0.0.1:2");

    @BeforeAll
    static void start() {
        etcd = new EtcdCluster("records", 3, work).start();
    }

    @AfterAll
    static void stop() {
        if (etcd != null) {
            etcd.close();
        }
    }

    static EtcdStore client(String namespace) {
        EtcdStore store = EtcdStore.connect(etcd.clientUrls(), null, namespace, Duration.ofSeconds(3));
        Await.succeeds("etcd answers", Duration.ofSeconds(20), () -> store.put("warm", "up"));
        return store;
    }

    static ClusterRecord named(String name) {
        ClusterRecord c = ClusterPhasesTest.cluster(Target.LOCAL, Provider.DOCKER);
        return new ClusterRecord(new ClusterSpec(name, 2, Target.LOCAL, Provider.DOCKER, null, null, null, null, 1, null), null, null,
                c.nodes(), ClusterPhase.PROVISIONING, List.of(), Instant.now(), null, null);
    }

    @Test
    void aNameIsTakenByOneReplicaHoweverTheyRace() throws Exception {
        try (EtcdStore store = client("/race/")) {
            EtcdClusterRecords a = new EtcdClusterRecords(store, JSON, () -> A);
            EtcdClusterRecords b = new EtcdClusterRecords(store, JSON, () -> B);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 5; round++) {
                    String name = "race-" + round;
                    List<Callable<Boolean>> tries = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        tries.add(() -> a.create(named(name)));
                        tries.add(() -> b.create(named(name)));
                    }
                    int won = 0;
                    for (Future<Boolean> f : pool.invokeAll(tries)) {
                        won += f.get() ? 1 : 0;
                    }
                    assertEquals(1, won, "exactly one create of " + name + " succeeds");
                    assertTrue(a.find(name).isPresent());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(5, a.all().size());
            assertEquals(a.all(), b.all(), "every replica reads every cluster");
        }
    }

    @Test
    void changesKeepTheOwnerAndOnlyTheOwnerRemoves() {
        try (EtcdStore store = client("/owned/")) {
            EtcdClusterRecords a = new EtcdClusterRecords(store, JSON, () -> A);
            EtcdClusterRecords b = new EtcdClusterRecords(store, JSON, () -> B);
            assertTrue(a.create(named("mine")));
            assertFalse(b.create(named("mine")), "the name is taken");

            ClusterRecord running = a.update("mine", c -> c.withPhase(ClusterPhase.RUNNING, c.conditions())).orElseThrow();
            assertEquals(ClusterPhase.RUNNING, running.phase());
            OwnedCluster read = b.find("mine").orElseThrow();
            assertEquals(A, read.owner());
            assertEquals(ClusterPhase.RUNNING, read.record().phase());
            // a change that returns the record it was given writes nothing
            long revision = store.get(EtcdClusterRecords.PREFIX + "mine").orElseThrow().modRevision();
            a.update("mine", c -> c);
            assertEquals(revision, store.get(EtcdClusterRecords.PREFIX + "mine").orElseThrow().modRevision());
            assertTrue(a.update("nothing", c -> c).isEmpty());

            b.remove("mine");
            assertTrue(a.find("mine").isPresent(), "b does not own it: b's remove leaves it");
            a.remove("mine");
            assertTrue(b.find("mine").isEmpty());
        }
    }
}
