package io.coreswarm.config.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.discovery.EtcdError;
import io.coreswarm.api.discovery.EtcdNode;

class DiscoveryStoreTest {
    private final MutableClock clock = new MutableClock();
    private final DiscoveryStore store = new DiscoveryStore(clock);

    private static KeyPath key(String token, String key) {
        return KeyPath.of(token, key);
    }

    private EtcdException refused(Runnable call) {
        return assertThrows(EtcdException.class, call::run);
    }

    @Test
    void aNewTokenHoldsItsSizeUnderConfig() {
        assertTrue(store.createToken("t", 3));
        assertFalse(store.createToken("t", 5), "a token is created once");

        Outcome size = store.get(key("t", "_config/size"), false);
        assertEquals("3", size.response().node().value());
        assertEquals("/t/_config/size", size.response().node().key());
        assertEquals(200, size.status());
    }

    @Test
    void hiddenKeysAreLeftOutOfListingsButCanBeReadDirectly() {
        store.createToken("t", 3);
        store.set(key("t", "m1"), "n1=http://127.0.0.1:2380", false, null);

        EtcdNode root = store.get(KeyPath.root("t"), false).response().node();
        assertEquals(Boolean.TRUE, root.dir());
        assertEquals(List.of("/t/m1"), root.nodes().stream().map(EtcdNode::key).toList());

        EtcdNode recursive = store.get(KeyPath.root("t"), true).response().node();
        assertEquals(List.of("/t/m1"), recursive.nodes().stream().map(EtcdNode::key).toList());

        EtcdNode config = store.get(key("t", "_config"), false).response().node();
        assertEquals(List.of("/t/_config/size"), config.nodes().stream().map(EtcdNode::key).toList());
    }

    @Test
    void prevExistFalseCreatesOnceThenRefusesWith105() {
        store.createToken("t", 3);
        Outcome created = store.set(key("t", "m1"), "n1=a", false, null);
        assertEquals(201, created.status());
        assertEquals("create", created.response().action());
        assertEquals(created.index(), created.response().node().createdIndex());
        assertEquals(created.index(), created.response().node().modifiedIndex());

        EtcdException again = refused(() -> store.set(key("t", "m1"), "n1=b", false, null));
        assertEquals(412, again.status());
        assertEquals(EtcdError.KEY_EXISTS, again.error().errorCode());
        assertEquals("Key already exists", again.error().message());
        assertEquals("/t/m1", again.error().cause());
        assertEquals("n1=a", store.get(key("t", "m1"), false).response().node().value(), "the first value stays");
    }

    @Test
    void prevExistTrueUpdatesOnlyAnExistingKey() {
        store.createToken("t", 3);
        EtcdException missing = refused(() -> store.set(key("t", "m1"), "x", true, null));
        assertEquals(404, missing.status());
        assertEquals(EtcdError.KEY_NOT_FOUND, missing.error().errorCode());

        Outcome first = store.set(key("t", "m1"), "a", null, null);
        assertEquals(201, first.status());
        assertEquals("set", first.response().action());

        Outcome updated = store.set(key("t", "m1"), "b", true, null);
        assertEquals(200, updated.status());
        assertEquals("update", updated.response().action());
        assertEquals("a", updated.response().prevNode().value());
        assertEquals(first.index(), updated.response().node().createdIndex());
        assertTrue(updated.response().node().modifiedIndex() > first.index());
    }

    @Test
    void theIndexIsGlobalAcrossTokens() {
        store.createToken("a", 3);
        long afterA = store.index();
        store.createToken("b", 3);
        long afterB = store.index();
        assertTrue(afterB > afterA);

        Outcome write = store.set(key("a", "m1"), "x", false, null);
        assertEquals(afterB + 1, write.index());
        assertEquals(write.index(), store.get(KeyPath.root("b"), false).index(), "reads report the current index");
    }

    @Test
    void deleteReturnsThePreviousNodeAndTheKeyIsGone() {
        store.createToken("t", 3);
        store.set(key("t", "m1"), "a", false, null);

        Outcome deleted = store.delete(key("t", "m1"));
        assertEquals("delete", deleted.response().action());
        assertEquals("a", deleted.response().prevNode().value());
        assertNull(deleted.response().node().value());

        assertEquals(404, refused(() -> store.get(key("t", "m1"), false)).status());
        assertEquals(404, refused(() -> store.delete(key("t", "m1"))).status());
    }

    @Test
    void anUnknownTokenIsKeyNotFound() {
        EtcdException e = refused(() -> store.get(KeyPath.root("nope"), false));
        assertEquals(404, e.status());
        assertEquals(EtcdError.KEY_NOT_FOUND, e.error().errorCode());
        assertEquals("/nope", e.error().cause());
        assertEquals(404, refused(() -> store.set(key("nope", "m1"), "x", false, null)).status());
    }

    @Test
    void keysAndDirectoriesDoNotMix() {
        store.createToken("t", 3);
        store.set(key("t", "m1"), "a", null, null);
        assertEquals(EtcdError.NOT_A_DIRECTORY, refused(() -> store.set(key("t", "m1/x"), "b", null, null)).error().errorCode());
        assertEquals(EtcdError.NOT_A_FILE, refused(() -> store.set(key("t", "_config"), "b", null, null)).error().errorCode());
        assertEquals(EtcdError.NOT_A_FILE, refused(() -> store.delete(key("t", "_config"))).error().errorCode());

        Outcome nested = store.set(key("t", "d/e"), "v", null, null);
        assertEquals(201, nested.status());
        EtcdNode shallow = store.get(KeyPath.root("t"), false).response().node();
        EtcdNode dir = shallow.nodes().stream().filter(n -> n.key().equals("/t/d")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, dir.dir());
        assertNull(dir.nodes(), "a non-recursive listing shows sub-directories without their children");
        EtcdNode deep = store.get(KeyPath.root("t"), true).response().node();
        assertEquals("v", deep.nodes().stream().filter(n -> n.key().equals("/t/d")).findFirst().orElseThrow()
                .nodes().get(0).value());
    }

    @Test
    void aWatchFromAPastIndexAnswersFromHistoryAtOnce() {
        store.createToken("t", 3);
        Outcome m1 = store.set(key("t", "m1"), "a", false, null);
        store.set(key("t", "m2"), "b", false, null);

        // etcd's createSelf: watch its own key from its createdIndex
        CompletableFuture<Change> self = store.watch(key("t", "m1"), false, m1.index());
        assertTrue(self.isDone());
        assertEquals("/t/m1", self.join().response().node().key());

        // the first change at or after waitIndex, not the latest
        CompletableFuture<Change> any = store.watch(KeyPath.root("t"), true, m1.index());
        assertEquals(m1.index(), any.join().index());
    }

    @Test
    void aWatchBeyondTheCurrentIndexWaitsForAWriteAtOrAfterIt() {
        store.createToken("t", 3);
        long next = store.index() + 1;
        CompletableFuture<Change> members = store.watch(KeyPath.root("t"), true, next + 1);
        store.set(key("t", "m1"), "a", false, null); // index next: too early
        assertFalse(members.isDone());

        Outcome m2 = store.set(key("t", "m2"), "b", false, null);
        assertTrue(members.isDone());
        assertEquals(m2.index(), members.join().index());
        assertEquals("create", members.join().response().action());
        assertEquals("b", members.join().response().node().value());
    }

    @Test
    void waitIndexZeroWaitsForTheNextChangeOnly() {
        store.createToken("t", 3);
        store.set(key("t", "m1"), "a", false, null);
        CompletableFuture<Change> next = store.watch(KeyPath.root("t"), true, 0);
        assertFalse(next.isDone(), "past changes do not count without waitIndex");
        Outcome m2 = store.set(key("t", "m2"), "b", false, null);
        assertEquals(m2.index(), next.join().index());
    }

    @Test
    void watchesSeeOnlyTheirKeyAndVisibleKeysBelowIt() {
        store.createToken("t", 3);
        store.createToken("other", 3);
        CompletableFuture<Change> exact = store.watch(key("t", "m1"), false, 0);
        CompletableFuture<Change> shallow = store.watch(KeyPath.root("t"), false, 0);
        CompletableFuture<Change> recursive = store.watch(KeyPath.root("t"), true, 0);

        store.set(key("other", "m1"), "x", null, null);
        store.set(key("t", "_config/size"), "5", null, null);
        store.set(key("t", "m2"), "x", null, null);
        assertFalse(exact.isDone(), "another key");
        assertFalse(shallow.isDone(), "a child, watched without recursive");
        assertEquals("/t/m2", recursive.join().response().node().key(), "_config is hidden from the recursive watch");

        store.set(key("t", "m1"), "x", null, null);
        assertEquals("/t/m1", exact.join().response().node().key());
    }

    @Test
    void aWatchOlderThanTheKeptHistoryIsRefusedWith401() {
        store.createToken("t", 3);
        long first = store.index();
        for (int i = 0; i <= EventHistory.LIMIT; i++) {
            store.set(key("t", "m"), Integer.toString(i), null, null);
        }
        EtcdException e = refused(() -> store.watch(KeyPath.root("t"), true, first));
        assertEquals(EtcdError.EVENT_INDEX_CLEARED, e.error().errorCode());
        // the newest changes are still there
        assertTrue(store.watch(key("t", "m"), false, store.index()).isDone());
    }

    @Test
    void keysWithATtlExpireAndTheirWatchersHearIt() {
        store.createToken("t", 3);
        store.set(key("t", "m1"), "a", null, Duration.ofSeconds(10));
        EtcdNode live = store.get(key("t", "m1"), false).response().node();
        assertEquals(10L, live.ttl());
        assertEquals(clock.instant().plusSeconds(10).toString(), live.expiration());

        CompletableFuture<Change> watcher = store.watch(key("t", "m1"), false, 0);
        clock.advance(Duration.ofSeconds(10));
        assertEquals(404, refused(() -> store.get(key("t", "m1"), false)).status());
        assertEquals("expire", watcher.join().response().action());
        assertEquals("a", watcher.join().response().prevNode().value());
    }

    /** A clock the test moves by hand, for TTLs. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
