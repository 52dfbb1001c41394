package io.coreswarm.config.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.coreswarm.api.discovery.EtcdError;
import io.coreswarm.api.discovery.EtcdNode;
import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.testsupport.EtcdCluster;
import io.coreswarm.testsupport.EtcdProcess;

/**
 * The etcd-backed discovery store against a real 3-member etcd: the v2 protocol as the in-memory
 * store answers it, with two stores on two clients standing for two replicas (a token made on one
 * is answered by the other, a poll on one wakes on a write through the other, from history too),
 * TTL keys under leases, the caps, a restart of every client, and the etcd leader killed.
 */
class EtcdTokenStoreTest {
    private static EtcdCluster etcd;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final String namespace = "/test-" + System.nanoTime() + "/";

    @BeforeAll
    static void startEtcd() {
        etcd = new EtcdCluster("tokens", 3, Path.of("target", "etcd-token-store-" + System.nanoTime())).start();
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private EtcdStore client() {
        EtcdStore client = EtcdStore.connect(etcd.clientUrls(), null, namespace, Duration.ofSeconds(5));
        open.add(client);
        return client;
    }

    private EtcdTokenStore replica(DiscoveryLimits limits, Clock clock) {
        EtcdTokenStore store = new EtcdTokenStore(client(), limits, clock);
        open.add(0, store);
        return store;
    }

    private EtcdTokenStore replica() {
        return replica(DiscoveryLimits.DEFAULTS, Clock.systemUTC());
    }

    private static EtcdException refused(Runnable call) {
        return assertThrows(EtcdException.class, call::run);
    }

    private static Change await(CompletableFuture<Change> poll) throws Exception {
        return poll.get(15, TimeUnit.SECONDS);
    }

    @Test
    void theProtocolAnswersAsInMemory() {
        EtcdTokenStore store = awaitEtcd(replica());
        assertTrue(store.createToken("t", 3));
        assertFalse(store.createToken("t", 5), "a token is created once");
        Outcome size = store.get(KeyPath.of("t", "_config/size"), false);
        assertEquals("3", size.response().node().value());
        assertEquals("/t/_config/size", size.response().node().key());

        Outcome created = store.set(KeyPath.of("t", "m1"), "n1=http://127.0.0.1:2380", false, null);
        assertEquals(201, created.status());
        assertEquals("create", created.response().action());
        assertEquals(created.index(), created.response().node().createdIndex());
        assertEquals(created.index(), created.response().node().modifiedIndex());
        EtcdException again = refused(() -> store.set(KeyPath.of("t", "m1"), "n1=b", false, null));
        assertEquals(412, again.status());
        assertEquals(EtcdError.KEY_EXISTS, again.error().errorCode());
        assertEquals("/t/m1", again.error().cause());

        assertEquals(404, refused(() -> store.set(KeyPath.of("t", "m2"), "x", true, null)).status(), "update needs the key");
        Outcome updated = store.set(KeyPath.of("t", "m1"), "n1=c", true, null);
        assertEquals(200, updated.status());
        assertEquals("update", updated.response().action());
        assertEquals("n1=http://127.0.0.1:2380", updated.response().prevNode().value());
        assertEquals(created.index(), updated.response().node().createdIndex());
        assertTrue(updated.response().node().modifiedIndex() > created.index());

        store.set(KeyPath.of("t", "d/e"), "deep", null, null);
        EtcdNode root = store.get(KeyPath.root("t"), false).response().node();
        assertEquals(Boolean.TRUE, root.dir());
        assertEquals(List.of("/t/d", "/t/m1"), root.nodes().stream().map(EtcdNode::key).toList(), "_config hidden");
        assertNull(root.nodes().get(0).nodes(), "one level unless recursive");
        EtcdNode recursive = store.get(KeyPath.root("t"), true).response().node();
        assertEquals("deep", recursive.nodes().get(0).nodes().get(0).value());

        assertEquals(403, refused(() -> store.set(KeyPath.of("t", "d"), "x", null, null)).status(), "a directory is not a file");
        assertEquals(EtcdError.NOT_A_DIRECTORY, refused(() -> store.set(KeyPath.of("t", "m1/x"), "x", null, null)).error().errorCode());
        assertEquals(403, refused(() -> store.delete(KeyPath.of("t", "d"))).status());

        Outcome deleted = store.delete(KeyPath.of("t", "d/e"));
        assertEquals("delete", deleted.response().action());
        assertEquals("deep", deleted.response().prevNode().value());
        assertEquals(List.of(), store.get(KeyPath.of("t", "d"), false).response().node().nodes() == null ? List.of()
                : store.get(KeyPath.of("t", "d"), false).response().node().nodes(), "the directory stays, empty");
        assertEquals(404, refused(() -> store.get(KeyPath.of("t", "d/e"), false)).status());
        assertEquals(404, refused(() -> store.get(KeyPath.root("nope"), false)).status());
        assertTrue(store.index() >= deleted.index());
    }

    @Test
    void anyReplicaAnswersAnyTokenAndWakesTheOthersPolls() throws Exception {
        EtcdTokenStore a = awaitEtcd(replica());
        EtcdTokenStore b = replica();
        assertTrue(a.createToken("t", 3));
        assertEquals("3", b.get(KeyPath.of("t", "_config/size"), false).response().node().value());

        // etcd's discovery client: read the members at index I, then watch recursively from I+1
        long index = b.get(KeyPath.root("t"), false).index();
        Outcome m1 = a.set(KeyPath.of("t", "m1"), "n1=http://10.0.0.1:2380", false, null);
        Change replayed = await(b.watch(KeyPath.root("t"), true, index + 1));
        assertEquals(m1.index(), replayed.index(), "a change made before the poll came is replayed from etcd's history");
        assertEquals("create", replayed.response().action());
        assertEquals("n1=http://10.0.0.1:2380", replayed.response().node().value());

        CompletableFuture<Change> waiting = b.watch(KeyPath.root("t"), true, m1.index() + 1);
        CompletableFuture<Change> hidden = b.watch(KeyPath.root("t"), true, 0);
        Thread.sleep(300);
        assertFalse(waiting.isDone());
        a.set(KeyPath.of("t", "_config/x"), "hidden", null, null);
        Outcome m2 = a.set(KeyPath.of("t", "m2"), "n2=http://10.0.0.2:2380", false, null);
        Change woke = await(waiting);
        assertEquals(m2.index(), woke.index(), "the hidden key's change does not wake a recursive watch of the token");
        assertEquals("/t/m2", woke.response().node().key());
        assertEquals(m2.index(), await(hidden).index());

        CompletableFuture<Change> cancelled = b.watch(KeyPath.root("t"), true, 0);
        cancelled.cancel(false);
        Outcome deleted = b.delete(KeyPath.of("t", "m2"));
        Change gone = await(a.watch(KeyPath.of("t", "m2"), false, deleted.index()));
        assertEquals("delete", gone.response().action());
        assertEquals("n2=http://10.0.0.2:2380", gone.response().prevNode().value());
    }

    @Test
    void aKeyWithATtlExpiresThroughItsLeaseAndPollsHearExpire() throws Exception {
        EtcdTokenStore a = awaitEtcd(replica());
        EtcdTokenStore b = replica();
        a.createToken("t", 3);
        Outcome set = a.set(KeyPath.of("t", "m1"), "n1", null, Duration.ofSeconds(2));
        EtcdNode node = b.get(KeyPath.of("t", "m1"), false).response().node();
        assertNotEquals(null, node.expiration());
        assertTrue(node.ttl() >= 1 && node.ttl() <= 2, "ttl " + node.ttl());
        CompletableFuture<Change> expiry = b.watch(KeyPath.of("t", "m1"), false, set.index() + 1);
        Change expired = await(expiry);
        assertEquals("expire", expired.response().action());
        assertEquals(404, refused(() -> a.get(KeyPath.of("t", "m1"), false)).status());

        // a TTL replaced by none: the key stays
        a.set(KeyPath.of("t", "m2"), "n2", null, Duration.ofSeconds(2));
        a.set(KeyPath.of("t", "m2"), "n2", true, null);
        Thread.sleep(3500);
        assertEquals("n2", b.get(KeyPath.of("t", "m2"), false).response().node().value());
        assertNull(b.get(KeyPath.of("t", "m2"), false).response().node().ttl());
    }

    @Test
    void theCapsHoldAcrossReplicas() {
        DiscoveryStoreTest.MutableClock clock = new DiscoveryStoreTest.MutableClock();
        DiscoveryLimits limits = new DiscoveryLimits(Duration.ofDays(7), 4, 64, 100, 4, 2, 2, 1 << 20, Duration.ofMinutes(10));
        EtcdTokenStore a = awaitEtcd(replica(limits, clock));
        EtcdTokenStore b = replica(limits, clock);

        a.createToken("t", 3); // _config and _config/size: 2 nodes of 4
        ProblemException tooLong = assertThrows(ProblemException.class, () -> b.set(KeyPath.of("t", "m"), "v".repeat(101), null, null));
        assertEquals(413, tooLong.problem().status());
        a.set(KeyPath.of("t", "m1"), "a", null, null);
        b.set(KeyPath.of("t", "m2"), "a", null, null);
        assertEquals(409, assertThrows(ProblemException.class, () -> a.set(KeyPath.of("t", "m3"), "a", null, null)).problem().status());
        b.delete(KeyPath.of("t", "m2"));
        a.set(KeyPath.of("t", "m3"), "a", null, null); // a deleted key frees its place

        b.createToken("u", 3);
        assertEquals(2, a.tokenCount());
        assertEquals(429, assertThrows(ProblemException.class, () -> a.createToken("v", 3)).problem().status(), "every token in use");
        assertFalse(b.hasRoomForAToken());
        clock.advance(Duration.ofMinutes(11));
        b.get(KeyPath.root("t"), false); // t is used again: u is the least recently used
        assertTrue(a.hasRoomForAToken());
        assertTrue(a.createToken("v", 3));
        assertEquals(2, b.tokenCount());
        assertEquals(404, refused(() -> b.get(KeyPath.root("u"), false)).status(), "the idle token was evicted");
        assertEquals("a", b.get(KeyPath.of("t", "m3"), false).response().node().value());
        assertTrue(a.totalBytes() > 0);
    }

    @Test
    void racingWritesOfTwoReplicasCreateOnceAndStayWithinTheCaps() throws Exception {
        DiscoveryLimits limits = new DiscoveryLimits(Duration.ofDays(7), 4, 64, 100, 10, 2, 100, 1 << 20, Duration.ofMinutes(10));
        EtcdTokenStore a = awaitEtcd(replica(limits, Clock.systemUTC()));
        EtcdTokenStore b = replica(limits, Clock.systemUTC());
        a.createToken("t", 3); // 2 of the token's 10 nodes

        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            // etcd's createSelf from 16 members at once, half through each replica: one wins
            List<Future<Integer>> sameKey = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                EtcdTokenStore via = i % 2 == 0 ? a : b;
                String value = "n" + i;
                sameKey.add(callers.submit(() -> status(() -> via.set(KeyPath.of("t", "m0"), value, false, null).status())));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : sameKey) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(15, statuses.stream().filter(s -> s == 412).count(), statuses.toString());

            // 16 new keys at once where 7 fit: exactly 7 are written, whichever replica took them
            List<Future<Integer>> newKeys = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                EtcdTokenStore via = i % 2 == 0 ? a : b;
                String key = "m" + i;
                newKeys.add(callers.submit(() -> status(() -> via.set(KeyPath.of("t", key), "x", false, null).status())));
            }
            statuses.clear();
            for (Future<Integer> f : newKeys) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(7, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
            assertEquals(8, a.get(KeyPath.root("t"), false).response().node().nodes().size());
        } finally {
            callers.shutdownNow();
        }
    }

    /** The status a write answered, or the one it was refused with. */
    private static int status(java.util.concurrent.Callable<Integer> write) throws Exception {
        try {
            return write.call();
        } catch (EtcdException e) {
            return e.status();
        } catch (ProblemException e) {
            return e.problem().status();
        }
    }

    @Test
    void tokensOutliveEveryClientAndTheEtcdLeader() throws Exception {
        EtcdTokenStore first = awaitEtcd(replica());
        first.createToken("t", 3);
        first.set(KeyPath.of("t", "m1"), "n1", false, null);
        closeClients();
        open.clear();

        EtcdTokenStore a = replica();
        EtcdTokenStore b = replica();
        assertEquals("n1", a.get(KeyPath.of("t", "m1"), false).response().node().value(), "a restarted replica answers");

        EtcdProcess leader = etcd.leader();
        CompletableFuture<Change> waiting = b.watch(KeyPath.root("t"), true, 0);
        leader.kill();
        Outcome m2 = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (m2 == null) {
            try {
                m2 = a.set(KeyPath.of("t", "m2"), "n2", false, null);
            } catch (io.coreswarm.store.StoreUnavailable e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(200);
            }
        }
        assertEquals(m2.index(), await(waiting).index(), "a poll made before the leader died hears the write after");
        assertEquals("n2", b.get(KeyPath.of("t", "m2"), false).response().node().value());
        leader.start();
    }

    /** The cluster answers (it may still be electing its first leader). */
    private static EtcdTokenStore awaitEtcd(EtcdTokenStore store) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                store.index();
                return store;
            } catch (io.coreswarm.store.StoreUnavailable e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(200);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
