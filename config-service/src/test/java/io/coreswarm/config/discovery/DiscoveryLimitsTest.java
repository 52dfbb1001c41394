package io.coreswarm.config.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.problem.Problem;
import io.coreswarm.api.problem.ProblemException;

/** Each cap of the store, answered with a 4xx problem and nothing stored; eviction of idle tokens. */
class DiscoveryLimitsTest {
    private final DiscoveryStoreTest.MutableClock clock = new DiscoveryStoreTest.MutableClock();

    private DiscoveryStore store(int maxKeys, int maxTokens, long maxBytes) {
        return new DiscoveryStore(clock, new DiscoveryLimits(Duration.ofDays(7), 4, 64, 100, maxKeys, 2, maxTokens,
                maxBytes, Duration.ofMinutes(10)));
    }

    private static Problem refused(Runnable call) {
        return assertThrows(ProblemException.class, call::run).problem();
    }

    @Test
    void keysDeeperLongerOrWithControlCharactersAreRefusedAsTheKeyField() {
        DiscoveryStore store = store(256, 10, 1 << 20);
        for (String key : new String[] { "a/b/c/d/e", "x".repeat(65), "a\nb", "a/\u0000" }) {
            Problem p = refused(() -> store.keyPath("t", key));
            assertEquals(400, p.status());
            assertEquals("key", p.violations().get(0).field(), key);
        }
        assertEquals(4, store.keyPath("t", "a/b/c/d").segments().size());
    }

    @Test
    void aLongValueIs413AndAFullTokenIs409() {
        DiscoveryStore store = store(4, 10, 1 << 20);
        store.createToken("t", 3); // _config and _config/size: 2 nodes
        Problem tooLong = refused(() -> store.set(KeyPath.of("t", "m"), "v".repeat(101), null, null));
        assertEquals(413, tooLong.status());
        assertEquals("value", tooLong.violations().get(0).field());

        store.set(KeyPath.of("t", "m1"), "a", null, null);
        store.set(KeyPath.of("t", "m2"), "a", null, null);
        long index = store.index();
        Problem full = refused(() -> store.set(KeyPath.of("t", "m3"), "a", null, null));
        assertEquals(409, full.status());
        assertEquals(index, store.index(), "nothing written");
        store.set(KeyPath.of("t", "m2"), "b", null, null); // replacing a key needs no room
        store.delete(KeyPath.of("t", "m2"));
        store.set(KeyPath.of("t", "m3"), "a", null, null); // a deleted key frees its place
    }

    @Test
    void aDirectoryAboveADeepKeyTakesAPlaceToo() {
        DiscoveryStore store = store(4, 10, 1 << 20);
        store.createToken("t", 3);
        assertEquals(409, refused(() -> store.set(KeyPath.of("t", "a/b/c"), "x", null, null)).status());
        store.set(KeyPath.of("t", "a/b"), "x", null, null);
    }

    @Test
    void atTheTokenCapTheLeastRecentlyUsedIdleTokenIsEvictedOrElse429() {
        DiscoveryStore store = store(256, 3, 1 << 20);
        store.createToken("a", 3);
        store.createToken("b", 3);
        store.createToken("c", 3);
        assertEquals(429, refused(() -> store.createToken("d", 3)).status(), "every token is in use");
        assertEquals(3, store.tokenCount());

        clock.advance(Duration.ofMinutes(11));
        store.get(KeyPath.root("a"), false); // a is used again: b is now the least recently used
        assertTrue(store.createToken("d", 3));
        assertEquals(3, store.tokenCount());
        assertEquals(404, assertThrows(EtcdException.class, () -> store.get(KeyPath.root("b"), false)).status());
        store.get(KeyPath.root("a"), false);
        store.get(KeyPath.root("c"), false);
    }

    @Test
    void aTokenWithAWaitingPollIsNeverEvicted() {
        DiscoveryStore store = store(256, 1, 1 << 20);
        store.createToken("a", 3);
        CompletableFuture<Change> poll = store.watch(KeyPath.root("a"), true, 0);
        clock.advance(Duration.ofHours(1));
        assertEquals(429, refused(() -> store.createToken("b", 3)).status());
        poll.cancel(false);
        assertTrue(store.createToken("b", 3));
    }

    @Test
    void pollsPerTokenAreCapped() {
        DiscoveryStore store = store(256, 10, 1 << 20);
        store.createToken("a", 3);
        store.watch(KeyPath.root("a"), true, 0);
        store.watch(KeyPath.root("a"), true, 0);
        assertEquals(429, refused(() -> store.watch(KeyPath.root("a"), true, 0)).status());
    }

    @Test
    void theTotalBytesAreCappedByEvictingIdleTokensThenRefusing() {
        DiscoveryStore store = store(256, 100, 8_000);
        store.createToken("a", 3);
        for (int i = 0; i < 5; i++) {
            store.set(KeyPath.of("a", "m" + i), "v".repeat(100), null, null);
        }
        long used = store.totalBytes();
        assertTrue(used > 1000 && used < 8000, "estimated " + used);
        store.createToken("b", 3);
        Problem full = null;
        for (int i = 0; i < 100 && full == null; i++) {
            int n = i;
            try {
                store.set(KeyPath.of("b", "m" + n), "v".repeat(100), null, null);
            } catch (ProblemException e) {
                full = e.problem();
            }
        }
        assertEquals(429, full == null ? 0 : full.status(), "a is not idle yet: nothing to evict");
        assertTrue(store.totalBytes() <= 8_000, "estimated " + store.totalBytes());

        clock.advance(Duration.ofMinutes(11));
        store.set(KeyPath.of("b", "more"), "v".repeat(100), null, null); // a, idle now, makes room
        assertEquals(1, store.tokenCount());
    }
}
