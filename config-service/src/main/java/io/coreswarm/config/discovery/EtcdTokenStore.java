package io.coreswarm.config.discovery;

import static io.coreswarm.config.discovery.EtcdPolls.bytes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.coreswarm.api.discovery.EtcdNode;
import io.coreswarm.api.discovery.EtcdResponse;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoreUnavailable;
import io.coreswarm.store.StoredValue;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;

/**
 * Discovery tokens in etcd ({@code coreswarm.store=etcd}), so that any replica answers any token
 * and tokens outlive every replica. etcd's revisions are the v2 indexes: a node's createdIndex and
 * modifiedIndex are its key's create and mod revisions, {@code X-Etcd-Index} the store revision,
 * and a {@code waitIndex} poll watches from that revision ({@link EtcdPolls}). A key with a TTL
 * lives under a lease of its own. Every write is one transaction that compares what it read: the
 * keys it replaces and {@link DiscoveryUsage}, which it changes too, so writes from any replicas
 * are serialised and the caps of {@link DiscoveryLimits} hold across them; a write that lost the
 * race reads again and retries; within one replica writes take turns, so only other replicas'
 * writes race. Polls waiting and the per-token poll cap are per replica.
 */
public final class EtcdTokenStore implements TokenStore, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EtcdTokenStore.class);
    /** Writes that lost a race read and try again; discovery's few writes per member rarely need a second. */
    static final int ATTEMPTS = 20;

    private final Client client;
    private final Duration timeout;
    private final DiscoveryLimits limits;
    private final Clock clock;
    private final EtcdPolls polls;
    /** When this replica last wrote {@code config/last-used/<token>}, to write it at most every {@link #touchEvery()}. */
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();
    private final ReentrantLock writes = new ReentrantLock();

    public EtcdTokenStore(EtcdStore etcd, DiscoveryLimits limits, Clock clock) {
        this.client = etcd.client();
        this.timeout = etcd.timeout();
        this.limits = limits;
        this.clock = clock;
        this.polls = new EtcdPolls(client, limits, clock);
    }

    @Override
    public DiscoveryLimits limits() {
        return limits;
    }

    @Override
    public boolean createToken(String token, int size) {
        return exclusively("creating a discovery token", () -> create(token, size));
    }

    private boolean create(String token, int size) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            backOff(attempt);
            DiscoveryUsage usage = usage();
            if (usage.tokens() >= limits.maxTokens()) {
                if (!evictIdle(null)) {
                    throw DiscoveryProblems.storeFull(limits.maxTokens() + " tokens");
                }
                continue;
            }
            if (usage.bytes() + 1024 > limits.maxTotalBytes()) {
                if (!evictIdle(null)) {
                    throw DiscoveryProblems.storeFull("about " + limits.maxTotalBytes() / (1024 * 1024) + " MiB of keys");
                }
                continue;
            }
            KeyPath root = KeyPath.root(token);
            KeyPath config = root.child(TokenSpace.CONFIG);
            KeyPath sizeKey = config.child(TokenSpace.SIZE);
            String sizeValue = Integer.toString(size);
            long bytes = TokenSnapshot.cost(root, null) + TokenSnapshot.cost(config, null) + TokenSnapshot.cost(sizeKey, sizeValue);
            Instant now = clock.instant();
            TxnResponse done = txn("creating a discovery token",
                    List.of(usageUnchanged(usage), absent(EtcdDiscoveryKeys.root(token))),
                    List.of(put(EtcdDiscoveryKeys.root(token), StoredNode.root(bytes).json()),
                            put(EtcdDiscoveryKeys.key(config), StoredNode.directory().json()),
                            put(EtcdDiscoveryKeys.key(sizeKey), StoredNode.key(sizeValue, "set", null).json()),
                            put(EtcdDiscoveryKeys.lastUsed(token), now.toString()),
                            put(EtcdDiscoveryKeys.USAGE, usage.plus(1, bytes))));
            if (done.isSucceeded()) {
                touched.put(token, now);
                return true;
            }
            if (exists(EtcdDiscoveryKeys.root(token))) {
                return false;
            }
        }
        throw busy("creating a discovery token");
    }

    @Override
    public Outcome get(KeyPath path, boolean recursive) {
        TokenSnapshot token = read(path.token());
        KeyNode node = token.find(path);
        if (node == null) {
            throw EtcdException.keyNotFound(path.etcdKey(), token.revision);
        }
        touch(path.token());
        return new Outcome(200, new EtcdResponse("get", node.view(recursive, token.now), null), token.revision);
    }

    @Override
    public Outcome set(KeyPath path, String value, Boolean prevExist, Duration ttl) {
        if (value != null && value.length() > limits.maxValueLength()) {
            throw DiscoveryProblems.valueTooLong(value.length(), limits.maxValueLength());
        }
        return exclusively("writing a discovery key", () -> write(path, value, prevExist, ttl));
    }

    private Outcome write(KeyPath path, String value, Boolean prevExist, Duration ttl) {
        String written = value == null ? "" : value;
        String action = Boolean.FALSE.equals(prevExist) ? "create" : Boolean.TRUE.equals(prevExist) ? "update" : "set";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            backOff(attempt);
            TokenSnapshot token = read(path.token());
            KeyNode existing = token.find(path);
            if (path.isRoot() || existing != null && existing.isDirectory()) {
                throw EtcdException.notAFile(path.etcdKey(), token.revision);
            }
            if (Boolean.FALSE.equals(prevExist) && existing != null) {
                throw EtcdException.keyExists(path.etcdKey(), token.revision);
            }
            if (Boolean.TRUE.equals(prevExist) && existing == null) {
                throw EtcdException.keyNotFound(path.etcdKey(), token.revision);
            }
            token.requireDirectoriesAbove(path);
            List<KeyPath> directories = token.missingDirectories(path);
            if (existing == null && token.nodes + directories.size() + 1 > limits.maxKeysPerToken()) {
                throw DiscoveryProblems.tokenFull(limits.maxKeysPerToken());
            }
            long bytes = token.bytes - (existing == null ? 0 : TokenSnapshot.cost(existing)) + TokenSnapshot.cost(path, written)
                    + directories.stream().mapToLong(d -> TokenSnapshot.cost(d, null)).sum();
            DiscoveryUsage usage = usage();
            long growth = bytes - token.recordedBytes;
            if (growth > 0 && usage.bytes() + growth > limits.maxTotalBytes()) {
                if (!evictIdle(path.token())) {
                    throw DiscoveryProblems.storeFull("about " + limits.maxTotalBytes() / (1024 * 1024) + " MiB of keys");
                }
                continue;
            }
            Instant expiresAt = ttl == null ? null : token.now.plus(ttl);
            long lease = ttl == null ? 0 : grant(ttl);
            List<Cmp> compares = new ArrayList<>(List.of(usageUnchanged(usage), unchanged(EtcdDiscoveryKeys.root(path.token()), token.rootModRevision)));
            List<Op> ops = new ArrayList<>();
            for (KeyPath d : directories) {
                compares.add(asRead(token, d));
                ops.add(put(EtcdDiscoveryKeys.key(d), StoredNode.directory().json()));
            }
            compares.add(asRead(token, path));
            ops.add(Op.put(bytes(EtcdDiscoveryKeys.key(path)), bytes(StoredNode.key(written, action, expiresAt).json()),
                    lease == 0 ? PutOption.DEFAULT : PutOption.builder().withLeaseId(lease).build()));
            ops.add(put(EtcdDiscoveryKeys.root(path.token()), StoredNode.root(bytes).json()));
            ops.add(put(EtcdDiscoveryKeys.USAGE, usage.plus(0, growth)));
            TxnResponse done;
            try {
                done = txn("writing a discovery key", compares, ops);
            } catch (StoreUnavailable e) {
                revoke(lease);
                throw e;
            }
            if (!done.isSucceeded()) {
                revoke(lease);
                continue;
            }
            long at = done.getHeader().getRevision();
            KeyValue replaced = token.raw(path);
            if (replaced != null) {
                revoke(replaced.getLease()); // its old lease holds nothing now
            }
            EtcdNode prev = existing == null ? null : existing.view(token.now);
            KeyNode node = KeyNode.key(path, written, existing == null ? at : existing.createdIndex);
            node.modifiedIndex = at;
            node.expiresAt = expiresAt;
            touch(path.token());
            return new Outcome(existing == null ? 201 : 200, new EtcdResponse(action, node.view(token.now), prev), at);
        }
        throw busy("writing a discovery key");
    }

    @Override
    public Outcome delete(KeyPath path) {
        return exclusively("deleting a discovery key", () -> remove(path));
    }

    private Outcome remove(KeyPath path) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            backOff(attempt);
            TokenSnapshot token = read(path.token());
            KeyNode node = token.find(path);
            if (node == null) {
                throw EtcdException.keyNotFound(path.etcdKey(), token.revision);
            }
            if (node.isDirectory()) {
                throw EtcdException.notAFile(path.etcdKey(), token.revision);
            }
            long bytes = token.bytes - TokenSnapshot.cost(node);
            DiscoveryUsage usage = usage();
            TxnResponse done = txn("deleting a discovery key",
                    List.of(usageUnchanged(usage), unchanged(EtcdDiscoveryKeys.root(path.token()), token.rootModRevision),
                            unchanged(EtcdDiscoveryKeys.key(path), node.modifiedIndex)),
                    List.of(Op.delete(bytes(EtcdDiscoveryKeys.key(path)), DeleteOption.DEFAULT),
                            put(EtcdDiscoveryKeys.root(path.token()), StoredNode.root(bytes).json()),
                            put(EtcdDiscoveryKeys.USAGE, usage.plus(0, bytes - token.recordedBytes))));
            if (!done.isSucceeded()) {
                continue;
            }
            long at = done.getHeader().getRevision();
            revoke(token.raw(path).getLease());
            touch(path.token());
            EtcdNode gone = new EtcdNode(path.etcdKey(), null, null, null, node.createdIndex, at, null, null);
            return new Outcome(200, new EtcdResponse("delete", gone, node.view(token.now)), at);
        }
        throw busy("deleting a discovery key");
    }

    @Override
    public CompletableFuture<Change> watch(KeyPath path, boolean recursive, long sinceIndex) {
        TokenSnapshot token = read(path.token());
        touch(path.token());
        // 0: the next change after what was just read
        return polls.start(path, recursive, sinceIndex > 0 ? sinceIndex : token.revision + 1, token.revision);
    }

    @Override
    public long index() {
        GetResponse r = call("reading the revision", client.getKVClient().get(bytes(EtcdDiscoveryKeys.USAGE),
                GetOption.builder().withCountOnly(true).build()));
        return r.getHeader().getRevision();
    }

    @Override
    public int tokenCount() {
        return usage().tokens();
    }

    @Override
    public long totalBytes() {
        return usage().bytes();
    }

    @Override
    public boolean hasRoomForAToken() {
        DiscoveryUsage usage = usage();
        if (usage.tokens() < limits.maxTokens() && usage.bytes() + 1024 <= limits.maxTotalBytes()) {
            return true;
        }
        return idlest(null).isPresent();
    }

    /** The token's tree at the current revision; a 404 in etcd's shape if there is no such token. */
    private TokenSnapshot read(String token) {
        // a token holds at most maxKeysPerToken nodes; expired keys still waiting for their lease are few
        GetOption option = GetOption.builder().isPrefix(true).withLimit(limits.maxKeysPerToken() * 2L + 16).build();
        GetResponse r = call("reading a discovery token", client.getKVClient().get(bytes(EtcdDiscoveryKeys.root(token)), option));
        TokenSnapshot snapshot = new TokenSnapshot(token, r.getHeader().getRevision(), r.getKvs(), clock.instant());
        if (!snapshot.exists()) {
            throw EtcdException.keyNotFound(KeyPath.root(token).etcdKey(), snapshot.revision);
        }
        return snapshot;
    }

    private DiscoveryUsage usage() {
        GetResponse r = call("reading discovery's usage", client.getKVClient().get(bytes(EtcdDiscoveryKeys.USAGE)));
        if (r.getKvs().isEmpty()) {
            return new DiscoveryUsage(0, 0, 0);
        }
        KeyValue kv = r.getKvs().get(0);
        return DiscoveryUsage.parse(kv.getValue().toString(StandardCharsets.UTF_8), kv.getModRevision());
    }

    private boolean exists(String key) {
        return call("reading a discovery token", client.getKVClient().get(bytes(key), GetOption.builder().withCountOnly(true).build())).getCount() > 0;
    }

    /**
     * Evicts the least recently used idle token other than {@code keep}: untouched by every replica
     * for {@code idleBeforeEviction} and with no poll of this replica waiting (a poll on another
     * replica touches it at least every {@link #touchEvery()}). False when none is idle; true when
     * one was evicted or the store changed meanwhile (the caller reads again).
     */
    private boolean evictIdle(String keep) {
        Optional<StoredValue> idlest = idlest(keep);
        if (idlest.isEmpty()) {
            return false;
        }
        String token = idlest.get().key().substring(EtcdDiscoveryKeys.LAST_USED.length());
        GetResponse tree = call("reading a discovery token", client.getKVClient().get(bytes(EtcdDiscoveryKeys.root(token)),
                GetOption.builder().isPrefix(true).withLimit(limits.maxKeysPerToken() * 2L + 16).build()));
        TokenSnapshot snapshot = new TokenSnapshot(token, tree.getHeader().getRevision(), tree.getKvs(), clock.instant());
        DiscoveryUsage usage = usage();
        TxnResponse done = txn("evicting an idle discovery token",
                List.of(usageUnchanged(usage), unchanged(idlest.get().key(), idlest.get().modRevision())),
                List.of(Op.delete(bytes(EtcdDiscoveryKeys.root(token)), DeleteOption.builder().isPrefix(true).build()),
                        Op.delete(bytes(idlest.get().key()), DeleteOption.DEFAULT),
                        put(EtcdDiscoveryKeys.USAGE, usage.plus(snapshot.exists() ? -1 : 0, -snapshot.recordedBytes))));
        if (done.isSucceeded()) {
            snapshot.raw.values().forEach(kv -> revoke(kv.getLease()));
            touched.remove(token);
            // the token itself is a secret of its cluster: never logged
            LOG.infof("evicted the least recently used idle discovery token; %d kept", Math.max(0, usage.tokens() - 1));
        }
        return true;
    }

    /** The last-used record of the least recently used idle token but {@code keep}. */
    private Optional<StoredValue> idlest(String keep) {
        GetResponse r = call("listing discovery tokens", client.getKVClient().get(bytes(EtcdDiscoveryKeys.LAST_USED),
                GetOption.builder().isPrefix(true).withLimit(limits.maxTokens() + 64L).build()));
        Instant idleSince = clock.instant().minus(limits.idleBeforeEviction());
        List<StoredValue> idle = new ArrayList<>();
        for (KeyValue kv : r.getKvs()) {
            String key = kv.getKey().toString(StandardCharsets.UTF_8);
            String token = key.substring(EtcdDiscoveryKeys.LAST_USED.length());
            Instant used = instant(kv.getValue().toString(StandardCharsets.UTF_8));
            if (!token.equals(keep) && polls.waitingOn(token) == 0 && !used.isAfter(idleSince)) {
                idle.add(new StoredValue(key, used.toString(), kv.getCreateRevision(), kv.getModRevision(), kv.getVersion(), 0));
            }
        }
        return idle.stream().min(Comparator.comparing((StoredValue v) -> Instant.parse(v.value())).thenComparing(StoredValue::key));
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH; // not written by config-service: the first to go
        }
    }

    /** How often one replica records that it uses a token: well within the idle time, at most every minute. */
    private Duration touchEvery() {
        Duration quarter = limits.idleBeforeEviction().dividedBy(4);
        return quarter.compareTo(Duration.ofMinutes(1)) < 0 ? quarter : Duration.ofMinutes(1);
    }

    /** Records that {@code token} is in use, if this replica did not lately; only while the token exists. */
    private void touch(String token) {
        Instant now = clock.instant();
        Instant last = touched.get(token);
        if (last != null && now.isBefore(last.plus(touchEvery()))) {
            return;
        }
        if (touched.size() > 2 * limits.maxTokens()) {
            touched.clear(); // bounded: at worst a few more writes
        }
        try {
            txn("recording a discovery token's use", List.of(new Cmp(bytes(EtcdDiscoveryKeys.root(token)), Cmp.Op.GREATER, CmpTarget.version(0))),
                    List.of(put(EtcdDiscoveryKeys.lastUsed(token), now.toString())));
            touched.put(token, now);
        } catch (StoreUnavailable e) {
            LOG.debugf("a discovery token's use was not recorded: %s", e.getMessage());
        }
    }

    private long grant(Duration ttl) {
        return call("granting a discovery key's lease", client.getLeaseClient().grant(ttl.toSeconds())).getID();
    }

    /** Lets go of a lease nothing needs any more; if etcd does not hear it, the lease ends with its TTL. */
    private void revoke(long lease) {
        if (lease != 0) {
            client.getLeaseClient().revoke(lease).exceptionally(e -> null);
        }
    }

    private static Cmp usageUnchanged(DiscoveryUsage usage) {
        return usage.modRevision() == 0 ? absent(EtcdDiscoveryKeys.USAGE) : unchanged(EtcdDiscoveryKeys.USAGE, usage.modRevision());
    }

    private static Cmp absent(String key) {
        return new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.version(0));
    }

    private static Cmp unchanged(String key, long modRevision) {
        return new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.modRevision(modRevision));
    }

    /** The key at {@code path} is as {@code token} read it: absent, or at the same mod revision. */
    private static Cmp asRead(TokenSnapshot token, KeyPath path) {
        KeyValue kv = token.raw(path);
        return kv == null ? absent(EtcdDiscoveryKeys.key(path)) : unchanged(EtcdDiscoveryKeys.key(path), kv.getModRevision());
    }

    private static Op put(String key, String value) {
        return Op.put(bytes(key), bytes(value), PutOption.DEFAULT);
    }

    private TxnResponse txn(String doing, List<Cmp> compares, List<Op> ops) {
        return call(doing, client.getKVClient().txn().If(compares.toArray(Cmp[]::new)).Then(ops.toArray(Op[]::new)).commit());
    }

    /**
     * Runs one write at a time in this replica: its writes never race each other, only other
     * replicas' (a few attempts at most). Waiting for the turn is bounded by the store's timeout.
     */
    private <T> T exclusively(String doing, Supplier<T> write) {
        try {
            if (!writes.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailable(doing, new TimeoutException("other discovery writes held the turn for " + timeout.toMillis() + " ms"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable(doing, e);
        }
        try {
            return write.get();
        } finally {
            writes.unlock();
        }
    }

    /** Before another attempt: a few random milliseconds, more after each lost race, so replicas do not collide in step. */
    private static void backOff(int attempt) {
        if (attempt == 0) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(50, 5L * attempt) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("retrying a discovery write", e);
        }
    }

    private static StoreUnavailable busy(String doing) {
        return new StoreUnavailable(doing, new IllegalStateException("other writes kept changing the token; " + ATTEMPTS + " attempts"));
    }

    /** A call bounded by the store's timeout, as every {@link EtcdStore} call is. */
    private <T> T call(String doing, CompletableFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StoreUnavailable(doing, new TimeoutException("no answer within " + timeout.toMillis() + " ms"));
        } catch (ExecutionException e) {
            throw new StoreUnavailable(doing, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable(doing, e);
        }
    }

    @Override
    public void close() {
        polls.close();
    }
}
