package io.coreswarm.config.discovery;

import static io.coreswarm.config.discovery.EtcdCalls.put;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

import org.jboss.logging.Logger;

import io.coreswarm.store.StoreUnavailable;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;

/**
 * Which tokens are in use, across replicas, and the eviction of the least recently used idle one
 * at a cap, as the in-memory store evicts. Each replica records its use of a token in
 * {@code config/last-used/<token>} at most every {@link #touchEvery()} (a minute at most, so a
 * member that keeps polling through any replica keeps its token); a token is idle when that record
 * is older than {@code idleBeforeEviction} and no poll of this replica waits on it.
 */
final class IdleTokens {
    private static final Logger LOG = Logger.getLogger(IdleTokens.class);
    private final EtcdCalls etcd;
    private final DiscoveryLimits limits;
    private final Clock clock;
    private final ToIntFunction<String> pollsWaitingOn;
    /** When this replica last recorded its use of a token. */
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();

    IdleTokens(EtcdCalls etcd, DiscoveryLimits limits, Clock clock, ToIntFunction<String> pollsWaitingOn) {
        this.etcd = etcd;
        this.limits = limits;
        this.clock = clock;
        this.pollsWaitingOn = pollsWaitingOn;
    }

    /** How often one replica records that it uses a token: well within the idle time, at most every minute. */
    Duration touchEvery() {
        Duration quarter = limits.idleBeforeEviction().dividedBy(4);
        return quarter.compareTo(Duration.ofMinutes(1)) < 0 ? quarter : Duration.ofMinutes(1);
    }

    /** The record a new token is created with, in its transaction. */
    Op created(String token, Instant now) {
        touched.put(token, now);
        return put(EtcdDiscoveryKeys.lastUsed(token), now.toString());
    }

    /** Records that {@code token} is in use, if this replica did not lately; only while the token exists. */
    void touch(String token) {
        Instant now = clock.instant();
        Instant last = touched.get(token);
        if (last != null && now.isBefore(last.plus(touchEvery()))) {
            return;
        }
        if (touched.size() > 2 * limits.maxTokens()) {
            touched.clear(); // bounded: at worst a few more writes
        }
        try {
            etcd.txn("recording a discovery token's use", List.of(EtcdCalls.present(EtcdDiscoveryKeys.root(token))),
                    List.of(put(EtcdDiscoveryKeys.lastUsed(token), now.toString())));
            touched.put(token, now);
        } catch (StoreUnavailable e) {
            LOG.debugf("a discovery token's use was not recorded: %s", e.getMessage());
        }
    }

    /** Whether some token but {@code keep} is idle. */
    boolean anyIdle(String keep) {
        return idlest(keep).isPresent();
    }

    /**
     * Evicts the least recently used idle token other than {@code keep}, in one transaction that
     * also takes it out of {@link DiscoveryUsage}. False when none is idle; true when one was
     * evicted or the store changed meanwhile (the caller reads again).
     */
    boolean evictOne(String keep) {
        Optional<KeyValue> idlest = idlest(keep);
        if (idlest.isEmpty()) {
            return false;
        }
        String usedKey = idlest.get().getKey().toString(StandardCharsets.UTF_8);
        String token = usedKey.substring(EtcdDiscoveryKeys.LAST_USED.length());
        TokenSnapshot snapshot = etcd.token(token);
        DiscoveryUsage usage = etcd.usage();
        TxnResponse done = etcd.txn("evicting an idle discovery token",
                List.of(EtcdCalls.usageUnchanged(usage), EtcdCalls.unchanged(usedKey, idlest.get().getModRevision())),
                List.of(Op.delete(EtcdCalls.bytes(EtcdDiscoveryKeys.root(token)), DeleteOption.builder().isPrefix(true).build()),
                        Op.delete(EtcdCalls.bytes(usedKey), DeleteOption.DEFAULT),
                        put(EtcdDiscoveryKeys.USAGE, usage.plus(snapshot.exists() ? -1 : 0, -snapshot.recordedBytes))));
        if (done.isSucceeded()) {
            snapshot.raw.values().forEach(kv -> etcd.revoke(kv.getLease()));
            touched.remove(token);
            // the token itself is a secret of its cluster: never logged
            LOG.infof("evicted the least recently used idle discovery token; %d kept", Math.max(0, usage.tokens() - 1));
        }
        return true;
    }

    /** The last-used record of the least recently used idle token but {@code keep}. */
    private Optional<KeyValue> idlest(String keep) {
        Instant idleSince = clock.instant().minus(limits.idleBeforeEviction());
        return etcd.list("listing discovery tokens", EtcdDiscoveryKeys.LAST_USED, limits.maxTokens() + 64L).stream()
                .filter(kv -> {
                    String token = kv.getKey().toString(StandardCharsets.UTF_8).substring(EtcdDiscoveryKeys.LAST_USED.length());
                    return !token.equals(keep) && pollsWaitingOn.applyAsInt(token) == 0 && !usedAt(kv).isAfter(idleSince);
                })
                .min(Comparator.comparing(IdleTokens::usedAt).thenComparing(kv -> kv.getKey().toString(StandardCharsets.UTF_8)));
    }

    private static Instant usedAt(KeyValue kv) {
        try {
            return Instant.parse(kv.getValue().toString(StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH; // not written by config-service: the first to go
        }
    }
}
