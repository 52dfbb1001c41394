package io.coreswarm.config.discovery;

import static io.coreswarm.config.discovery.EtcdCalls.absent;
import static io.coreswarm.config.discovery.EtcdCalls.asRead;
import static io.coreswarm.config.discovery.EtcdCalls.put;
import static io.coreswarm.config.discovery.EtcdCalls.unchanged;
import static io.coreswarm.config.discovery.EtcdCalls.usageUnchanged;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.coreswarm.api.discovery.EtcdNode;
import io.coreswarm.api.discovery.EtcdResponse;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoreUnavailable;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;

/**
 * Discovery tokens in etcd ({@code coreswarm.store=etcd}), so that any replica answers any token
 * and tokens outlive every replica. etcd's revisions are the v2 indexes: a node's createdIndex and
 * modifiedIndex are its key's create and mod revisions, {@code X-Etcd-Index} the store revision,
 * and a {@code waitIndex} poll watches from that revision ({@link EtcdPolls}). A key with a TTL
 * lives under a lease of its own. Every write is one transaction that compares what it read: the
 * keys it replaces and {@link DiscoveryUsage}, which it changes too, so writes from any replicas
 * are serialised and the caps of {@link DiscoveryLimits} hold across them; a write that lost the
 * race reads again and retries; within one replica writes take turns, so only other replicas'
 * writes race. Idle tokens are evicted at a cap as in memory ({@link IdleTokens}). Polls waiting
 * and the per-token poll cap are per replica.
 */
public final class EtcdTokenStore implements TokenStore, AutoCloseable {
    /** Writes that lost a race read and try again; discovery's few writes per member rarely need a second. */
    static final int ATTEMPTS = 20;

    private final EtcdCalls etcd;
    private final DiscoveryLimits limits;
    private final Clock clock;
    private final EtcdPolls polls;
    private final IdleTokens idle;
    private final ReentrantLock writes = new ReentrantLock();

    public EtcdTokenStore(EtcdStore store, DiscoveryLimits limits, Clock clock) {
        this.etcd = new EtcdCalls(store, limits, clock);
        this.limits = limits;
        this.clock = clock;
        this.polls = new EtcdPolls(store.client(), limits, clock);
        this.idle = new IdleTokens(etcd, limits, clock, polls::waitingOn);
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
            DiscoveryUsage usage = etcd.usage();
            if (usage.tokens() >= limits.maxTokens()) {
                if (!idle.evictOne(null)) {
                    throw DiscoveryProblems.storeFull(limits.maxTokens() + " tokens");
                }
                continue;
            }
            if (usage.bytes() + 1024 > limits.maxTotalBytes()) {
                if (!idle.evictOne(null)) {
                    throw DiscoveryProblems.storeFull("about " + limits.maxTotalBytes() / (1024 * 1024) + " MiB of keys");
                }
                continue;
            }
            KeyPath root = KeyPath.root(token);
            KeyPath config = root.child(TokenSpace.CONFIG);
            KeyPath sizeKey = config.child(TokenSpace.SIZE);
            String sizeValue = Integer.toString(size);
            long bytes = TokenSnapshot.cost(root, null) + TokenSnapshot.cost(config, null) + TokenSnapshot.cost(sizeKey, sizeValue);
            TxnResponse done = etcd.txn("creating a discovery token",
                    List.of(usageUnchanged(usage), absent(EtcdDiscoveryKeys.root(token))),
                    List.of(put(EtcdDiscoveryKeys.root(token), StoredNode.root(bytes).json()),
                            put(EtcdDiscoveryKeys.key(config), StoredNode.directory().json()),
                            put(EtcdDiscoveryKeys.key(sizeKey), StoredNode.key(sizeValue, "set", null).json()),
                            idle.created(token, clock.instant()),
                            put(EtcdDiscoveryKeys.USAGE, usage.plus(1, bytes))));
            if (done.isSucceeded()) {
                return true;
            }
            if (etcd.exists(EtcdDiscoveryKeys.root(token))) {
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
        idle.touch(path.token());
        return new Outcome(200, new EtcdResponse("get", node.view(recursive, token.now), null), token.revision);
    }

    @Override
    public Outcome set(KeyPath path, String value, Boolean prevExist, Duration ttl) {
        if (value != null && value.length() > limits.maxValueLength()) {
            throw DiscoveryProblems.valueTooLong(value.length(), limits.maxValueLength());
        }
        return exclusively("writing a discovery key", () -> write(path, value == null ? "" : value, prevExist, ttl));
    }

    private Outcome write(KeyPath path, String value, Boolean prevExist, Duration ttl) {
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
            long bytes = token.bytes - (existing == null ? 0 : TokenSnapshot.cost(existing)) + TokenSnapshot.cost(path, value)
                    + directories.stream().mapToLong(d -> TokenSnapshot.cost(d, null)).sum();
            DiscoveryUsage usage = etcd.usage();
            long growth = bytes - token.recordedBytes;
            if (growth > 0 && usage.bytes() + growth > limits.maxTotalBytes()) {
                if (!idle.evictOne(path.token())) {
                    throw DiscoveryProblems.storeFull("about " + limits.maxTotalBytes() / (1024 * 1024) + " MiB of keys");
                }
                continue;
            }
            Instant expiresAt = ttl == null ? null : token.now.plus(ttl);
            long lease = ttl == null ? 0 : etcd.grant(ttl);
            List<Cmp> compares = new ArrayList<>(List.of(usageUnchanged(usage), unchanged(EtcdDiscoveryKeys.root(path.token()), token.rootModRevision)));
            List<Op> ops = new ArrayList<>();
            for (KeyPath d : directories) {
                compares.add(asRead(token, d));
                ops.add(put(EtcdDiscoveryKeys.key(d), StoredNode.directory().json()));
            }
            compares.add(asRead(token, path));
            ops.add(put(EtcdDiscoveryKeys.key(path), StoredNode.key(value, action, expiresAt).json(), lease));
            ops.add(put(EtcdDiscoveryKeys.root(path.token()), StoredNode.root(bytes).json()));
            ops.add(put(EtcdDiscoveryKeys.USAGE, usage.plus(0, growth)));
            TxnResponse done;
            try {
                done = etcd.txn("writing a discovery key", compares, ops);
            } catch (StoreUnavailable e) {
                etcd.revoke(lease);
                throw e;
            }
            if (!done.isSucceeded()) {
                etcd.revoke(lease);
                continue;
            }
            long at = done.getHeader().getRevision();
            KeyValue replaced = token.raw(path);
            if (replaced != null) {
                etcd.revoke(replaced.getLease()); // its old lease holds nothing now
            }
            EtcdNode prev = existing == null ? null : existing.view(token.now);
            KeyNode node = KeyNode.key(path, value, existing == null ? at : existing.createdIndex);
            node.modifiedIndex = at;
            node.expiresAt = expiresAt;
            idle.touch(path.token());
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
            DiscoveryUsage usage = etcd.usage();
            TxnResponse done = etcd.txn("deleting a discovery key",
                    List.of(usageUnchanged(usage), unchanged(EtcdDiscoveryKeys.root(path.token()), token.rootModRevision),
                            unchanged(EtcdDiscoveryKeys.key(path), node.modifiedIndex)),
                    List.of(Op.delete(EtcdCalls.bytes(EtcdDiscoveryKeys.key(path)), DeleteOption.DEFAULT),
                            put(EtcdDiscoveryKeys.root(path.token()), StoredNode.root(bytes).json()),
                            put(EtcdDiscoveryKeys.USAGE, usage.plus(0, bytes - token.recordedBytes))));
            if (!done.isSucceeded()) {
                continue;
            }
            long at = done.getHeader().getRevision();
            etcd.revoke(token.raw(path).getLease());
            idle.touch(path.token());
            EtcdNode gone = new EtcdNode(path.etcdKey(), null, null, null, node.createdIndex, at, null, null);
            return new Outcome(200, new EtcdResponse("delete", gone, node.view(token.now)), at);
        }
        throw busy("deleting a discovery key");
    }

    @Override
    public CompletableFuture<Change> watch(KeyPath path, boolean recursive, long sinceIndex) {
        TokenSnapshot token = read(path.token());
        idle.touch(path.token());
        // 0: the next change after what was just read
        return polls.start(path, recursive, sinceIndex > 0 ? sinceIndex : token.revision + 1, token.revision);
    }

    @Override
    public long index() {
        return etcd.revision();
    }

    @Override
    public int tokenCount() {
        return etcd.usage().tokens();
    }

    @Override
    public long totalBytes() {
        return etcd.usage().bytes();
    }

    @Override
    public boolean hasRoomForAToken() {
        DiscoveryUsage usage = etcd.usage();
        if (usage.tokens() < limits.maxTokens() && usage.bytes() + 1024 <= limits.maxTotalBytes()) {
            return true;
        }
        return idle.anyIdle(null);
    }

    /** The token's tree at the current revision; a 404 in etcd's shape if there is no such token. */
    private TokenSnapshot read(String token) {
        TokenSnapshot snapshot = etcd.token(token);
        if (!snapshot.exists()) {
            throw EtcdException.keyNotFound(KeyPath.root(token).etcdKey(), snapshot.revision);
        }
        return snapshot;
    }

    /**
     * Runs one write at a time in this replica: its writes never race each other, only other
     * replicas' (a few attempts at most). Waiting for the turn is bounded by the store's timeout.
     */
    private <T> T exclusively(String doing, Supplier<T> write) {
        long wait = etcd.timeout().toMillis();
        try {
            if (!writes.tryLock(wait, TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailable(doing, new TimeoutException("other discovery writes held the turn for " + wait + " ms"));
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

    @Override
    public void close() {
        polls.close();
    }
}
