package io.coreswarm.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdCluster;
import io.coreswarm.testsupport.EtcdProcess;

/** The store against a real 3-member etcd: reads and writes, races settled by transactions, leases, claims, a leader killed. */
class EtcdStoreTest {
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    @TempDir
    static Path work;
    static EtcdCluster etcd;

    @BeforeAll
    static void start() {
        etcd = new EtcdCluster("store", 3, work).start();
    }

    @AfterAll
    static void stop() {
        if (etcd != null) {
            etcd.close();
        }
    }

    static EtcdStore client(String namespace) {
        return EtcdStore.connect(etcd.clientUrls(), null, namespace, TIMEOUT);
    }

    @Test
    void writesReadsAndListsUnderItsNamespaceOnly() {
        try (EtcdStore a = client("/ns-a/"); EtcdStore b = client("/ns-b/")) {
            Await.succeeds("etcd answers", Duration.ofSeconds(20), () -> a.put("warm", "up"));
            long rev = a.put("targets/one", "{\"n\":1}");
            a.put("targets/two", "{\"n\":2}");
            a.put("targetsx", "not under targets/");
            StoredValue one = a.get("targets/one").orElseThrow();
            assertEquals("{\"n\":1}", one.value());
            assertEquals(rev, one.modRevision());
            assertEquals(List.of("targets/one", "targets/two"), a.list("targets/").stream().map(StoredValue::key).toList());
            assertEquals(Optional.empty(), b.get("targets/one"), "another namespace sees nothing of it");
            assertTrue(a.delete("targets/two"));
            assertFalse(a.delete("targets/two"));
            assertEquals(2, a.deletePrefix("target"));
        }
    }

    @Test
    void onlyOneOfTwoRacingWritersWins() {
        try (EtcdStore a = client("/race/"); EtcdStore b = client("/race/")) {
            Await.succeeds("etcd answers", Duration.ofSeconds(20), () -> a.put("warm", "up"));
            assertTrue(a.create("clusters/c1", "from a"));
            assertFalse(b.create("clusters/c1", "from b"), "the name is taken");
            StoredValue read = b.get("clusters/c1").orElseThrow();
            assertTrue(a.replace("clusters/c1", "a changed it", read.modRevision()));
            assertFalse(b.replace("clusters/c1", "b's stale change", read.modRevision()), "b read before a's change");
            assertEquals("a changed it", b.get("clusters/c1").orElseThrow().value());
            assertFalse(b.deleteIfValue("clusters/c1", "from b"));
            assertTrue(a.deleteIfValue("clusters/c1", "a changed it"));
        }
    }

    @Test
    void aWatchSeesEveryChangeAfterTheRevisionItStartsFrom() throws Exception {
        try (EtcdStore a = client("/watch/")) {
            Await.succeeds("etcd answers", Duration.ofSeconds(20), () -> a.put("warm", "up"));
            long before = a.put("events/0", "before");
            a.put("events/1", "first");
            List<StoreChange> seen = new CopyOnWriteArrayList<>();
            try (AutoCloseable w = a.watch("events/", before, seen::add, e -> { })) {
                a.put("events/2", "second");
                a.delete("events/1");
                Await.until("three changes seen", Duration.ofSeconds(10), () -> seen.size() >= 3);
            }
            assertEquals("events/1", seen.get(0).key());
            assertEquals("first", seen.get(0).value());
            assertEquals("second", seen.get(1).value());
            assertTrue(seen.get(2).deleted());
            assertTrue(seen.get(0).revision() < seen.get(1).revision());
        }
    }

    @Test
    void aClaimIsHeldByOneReplicaAndFreedWhenItsLeaseEnds() {
        EtcdStore aStore = client("/claims/");
        Await.succeeds("etcd answers", Duration.ofSeconds(20), () -> aStore.put("warm", "up"));
        LeaseKeeper aLease = new LeaseKeeper(aStore, Duration.ofSeconds(2)).start();
        Claims a = new Claims(aStore, aLease, "replica-a");
        try (EtcdStore bStore = client("/claims/"); LeaseKeeper bLease = new LeaseKeeper(bStore, Duration.ofSeconds(2)).start()) {
            Claims b = new Claims(bStore, bLease, "replica-b");
            assertTrue(a.claim("pollers/t1"));
            assertTrue(a.claim("pollers/t1"), "already held by a: still a's");
            assertFalse(b.claim("pollers/t1"));
            assertEquals(Optional.of("replica-a"), b.holder("pollers/t1"));

            // kept alive well past its TTL, the claim stays
            sleep(Duration.ofSeconds(3));
            assertTrue(aLease.alive());
            assertFalse(b.claim("pollers/t1"));

            // a released: b takes it at once
            a.release("pollers/t1");
            assertTrue(b.claim("pollers/t1"));
            b.release("pollers/t1");

            // a dies (its client gone, its lease never revoked): b takes over within about one TTL
            assertTrue(a.claim("pollers/t2"));
            aStore.close();
            aLease.close();
            long died = System.nanoTime();
            Await.until("b claims t2 after a's lease expired", Duration.ofSeconds(10), Duration.ofMillis(100), () -> b.claim("pollers/t2"), held -> held);
            Duration takeover = Duration.ofNanos(System.nanoTime() - died);
            assertTrue(takeover.compareTo(Duration.ofSeconds(4)) < 0, "taken over in " + takeover);
        }
    }

    @Test
    void theStoreKeepsServingWhenTheLeaderIsKilled() throws Exception {
        try (EtcdStore a = client("/leader/")) {
            Await.succeeds("etcd answers", Duration.ofSeconds(20), () -> a.put("warm", "up"));
            EtcdProcess leader = etcd.leader();
            leader.kill();
            try {
                Await.succeeds("a write after the leader died", Duration.ofSeconds(15), () -> a.put("after", "leader died"));
                assertEquals("leader died", a.get("after").orElseThrow().value());
            } finally {
                leader.start();
            }
            Await.succeeds("the old leader rejoined", Duration.ofSeconds(20), () -> a.put("rejoined", "yes"));
        }
    }

    @Test
    void aStoreThatCannotBeReachedAnswersWithinItsTimeout() {
        try (EtcdStore nowhere = EtcdStore.connect(List.of("http://127.0.0.1:9"), null, "/x/", Duration.ofSeconds(1))) {
            long t0 = System.nanoTime();
            StoreUnavailable e = assertThrows(StoreUnavailable.class, () -> nowhere.get("k"));
            assertEquals(503, e.problem().status());
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(3)) < 0);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
