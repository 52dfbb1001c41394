package io.coreswarm.config.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoreUnavailable;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;

/**
 * The etcd calls of discovery, each bounded by the store's timeout as every {@link EtcdStore} call
 * is (a {@link StoreUnavailable}, answered 503, past it), and the comparisons its transactions make.
 * Error messages name what was being done, never a key: a key holds its token, a secret of its cluster.
 */
final class EtcdCalls {
    private final EtcdStore etcd;
    private final Client client;
    private final Duration timeout;
    private final DiscoveryLimits limits;
    private final Clock clock;

    EtcdCalls(EtcdStore etcd, DiscoveryLimits limits, Clock clock) {
        this.etcd = etcd;
        this.client = etcd.client();
        this.timeout = etcd.timeout();
        this.limits = limits;
        this.clock = clock;
    }

    Client client() {
        return client;
    }

    Duration timeout() {
        return timeout;
    }

    /** The token's tree at the current revision; {@link TokenSnapshot#exists()} false if there is no such token. */
    TokenSnapshot token(String token) {
        // a token holds at most maxKeysPerToken nodes; expired keys still waiting for their lease are few
        GetOption option = GetOption.builder().isPrefix(true).withLimit(limits.maxKeysPerToken() * 2L + 16).build();
        GetResponse r = call("reading a discovery token", client.getKVClient().get(bytes(EtcdDiscoveryKeys.root(token)), option));
        return new TokenSnapshot(token, r.getHeader().getRevision(), r.getKvs(), clock.instant());
    }

    DiscoveryUsage usage() {
        GetResponse r = call("reading discovery's usage", client.getKVClient().get(bytes(EtcdDiscoveryKeys.USAGE)));
        if (r.getKvs().isEmpty()) {
            return new DiscoveryUsage(0, 0, 0);
        }
        KeyValue kv = r.getKvs().get(0);
        return DiscoveryUsage.parse(kv.getValue().toString(StandardCharsets.UTF_8), kv.getModRevision());
    }

    /** The store revision now. */
    long revision() {
        return call("reading the revision", client.getKVClient().get(bytes(EtcdDiscoveryKeys.USAGE),
                GetOption.builder().withCountOnly(true).build())).getHeader().getRevision();
    }

    boolean exists(String key) {
        return call("reading a discovery token", client.getKVClient().get(bytes(key), GetOption.builder().withCountOnly(true).build()))
                .getCount() > 0;
    }

    /** Every key under {@code prefix}, at most {@code limit}. */
    List<KeyValue> list(String doing, String prefix, long limit) {
        return call(doing, client.getKVClient().get(bytes(prefix), GetOption.builder().isPrefix(true).withLimit(limit).build())).getKvs();
    }

    TxnResponse txn(String doing, List<Cmp> compares, List<Op> ops) {
        return call(doing, client.getKVClient().txn().If(compares.toArray(Cmp[]::new)).Then(ops.toArray(Op[]::new)).commit());
    }

    long grant(Duration ttl) {
        return call("granting a discovery key's lease", client.getLeaseClient().grant(ttl.toSeconds())).getID();
    }

    /** Lets go of a lease nothing needs any more; if etcd does not hear it, the lease ends with its TTL. */
    void revoke(long lease) {
        if (lease != 0) {
            client.getLeaseClient().revoke(lease).exceptionally(e -> null);
        }
    }

    static Cmp usageUnchanged(DiscoveryUsage usage) {
        return usage.modRevision() == 0 ? absent(EtcdDiscoveryKeys.USAGE) : unchanged(EtcdDiscoveryKeys.USAGE, usage.modRevision());
    }

    static Cmp absent(String key) {
        return new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.version(0));
    }

    static Cmp present(String key) {
        return new Cmp(bytes(key), Cmp.Op.GREATER, CmpTarget.version(0));
    }

    static Cmp unchanged(String key, long modRevision) {
        return new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.modRevision(modRevision));
    }

    /** The key at {@code path} is as {@code token} read it: absent, or at the same mod revision. */
    static Cmp asRead(TokenSnapshot token, KeyPath path) {
        KeyValue kv = token.raw(path);
        return kv == null ? absent(EtcdDiscoveryKeys.key(path)) : unchanged(EtcdDiscoveryKeys.key(path), kv.getModRevision());
    }

    static Op put(String key, String value) {
        return Op.put(bytes(key), bytes(value), PutOption.DEFAULT);
    }

    static Op put(String key, String value, long lease) {
        return Op.put(bytes(key), bytes(value), lease == 0 ? PutOption.DEFAULT : PutOption.builder().withLeaseId(lease).build());
    }

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    <T> T call(String doing, CompletableFuture<T> future) {
        return etcd.call(doing, future);
    }
}
