package io.coreswarm.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.coreswarm.pki.ClientTls;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;

/**
 * The process's one etcd client, with keys as strings under the configured namespace and every call
 * bounded by the configured timeout (a {@link StoreUnavailable}, answered 503, past it).
 * <p>
 * Chosen against jetcd's known pitfalls: the channel balances {@code round_robin} over every
 * member, so a dead member (or a leader change) costs the next call nothing but a skipped address,
 * where {@code pick_first} waits for a reconnect; gRPC keep-alives find a silently dead connection
 * in seconds; calls do not wait for a channel to become ready beyond the timeout. Leases are kept
 * by {@link LeaseKeeper} with one keep-alive call at a time, never jetcd's streaming keep-alive,
 * which spins when etcd is unreachable. The platform authenticates to etcd with client
 * certificates, not user and password, so no auth token can expire after a failover.
 */
public final class EtcdStore implements AutoCloseable {
    private final Client client;
    private final Duration timeout;
    private final List<String> endpoints;

    private EtcdStore(Client client, Duration timeout, List<String> endpoints) {
        this.client = client;
        this.timeout = timeout;
        this.endpoints = endpoints;
    }

    /** A client of {@code endpoints}; no call is made yet. */
    public static EtcdStore connect(EtcdConfig config) {
        List<String> endpoints = config.endpoints().filter(e -> !e.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("coreswarm.store=etcd needs coreswarm.etcd.endpoints"));
        return connect(endpoints, config.tlsDir().orElse(null), config.namespace(), config.timeout());
    }

    /**
     * @param tlsDir    ca.pem, cert.pem, key.pem for an https etcd; null for plain http
     * @param namespace prefix of every key, e.g. {@code /coreswarm/}
     */
    public static EtcdStore connect(List<String> endpoints, java.nio.file.Path tlsDir, String namespace, Duration timeout) {
        for (String e : endpoints) {
            URI uri = URI.create(e.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("coreswarm.etcd.endpoints: " + e + " is not an http(s)://host:port URL");
            }
        }
        ClientBuilder builder = Client.builder()
                .endpoints(endpoints.stream().map(String::trim).toArray(String[]::new))
                .namespace(bytes(namespace))
                .loadBalancerPolicy("round_robin")
                .connectTimeout(timeout)
                .keepaliveTime(Duration.ofSeconds(5))
                .keepaliveTimeout(Duration.ofSeconds(3))
                .keepaliveWithoutCalls(true)
                .retryMaxDuration(timeout)
                .retryDelay(100)
                .retryMaxDelay(1000)
                .retryMaxAttempts(3);
        if (tlsDir != null) {
            builder.sslContext(ClientTls.jetcd(tlsDir));
        }
        return new EtcdStore(builder.build(), timeout, List.copyOf(endpoints));
    }

    public List<String> endpoints() {
        return endpoints;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The jetcd client, for what this class does not wrap (e.g. a transaction over several keys). */
    public Client client() {
        return client;
    }

    public Optional<StoredValue> get(String key) {
        return call("reading " + key, client.getKVClient().get(bytes(key)))
                .getKvs().stream().findFirst().map(EtcdStore::stored);
    }

    /** Every key that starts with {@code prefix}, in key order. */
    public List<StoredValue> list(String prefix) {
        GetOption option = GetOption.builder().isPrefix(true).withSortField(GetOption.SortTarget.KEY)
                .withSortOrder(GetOption.SortOrder.ASCEND).build();
        return call("listing " + prefix, client.getKVClient().get(bytes(prefix), option))
                .getKvs().stream().map(EtcdStore::stored).toList();
    }

    /** The store's current revision (of the whole key space, not only the namespace). */
    public long revision() {
        return call("reading the revision", client.getKVClient().get(bytes("\0"), GetOption.builder().withCountOnly(true).build()))
                .getHeader().getRevision();
    }

    /** Writes {@code key}; returns the revision of the write. */
    public long put(String key, String value) {
        return call("writing " + key, client.getKVClient().put(bytes(key), bytes(value))).getHeader().getRevision();
    }

    /** Writes {@code key} to live as long as {@code lease}. */
    public long put(String key, String value, long lease) {
        return call("writing " + key, client.getKVClient().put(bytes(key), bytes(value), PutOption.builder().withLeaseId(lease).build()))
                .getHeader().getRevision();
    }

    /** Writes {@code key} only if it does not exist; under {@code lease} unless it is 0. True if written. */
    public boolean create(String key, String value, long lease) {
        Op put = lease == 0 ? Op.put(bytes(key), bytes(value), PutOption.DEFAULT)
                : Op.put(bytes(key), bytes(value), PutOption.builder().withLeaseId(lease).build());
        return txn("creating " + key, new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.version(0)), put).isSucceeded();
    }

    public boolean create(String key, String value) {
        return create(key, value, 0);
    }

    /**
     * Writes {@code key} only if its last change is still {@code modRevision} (what
     * {@link StoredValue#modRevision()} said when it was read): a read-modify-write no other writer
     * can interleave with. True if written.
     */
    public boolean replace(String key, String value, long modRevision) {
        return txn("updating " + key, new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.modRevision(modRevision)),
                Op.put(bytes(key), bytes(value), PutOption.DEFAULT)).isSucceeded();
    }

    /** Deletes {@code key}; true if it existed. */
    public boolean delete(String key) {
        return call("deleting " + key, client.getKVClient().delete(bytes(key))).getDeleted() > 0;
    }

    /** Deletes {@code key} only if it still holds {@code value} (a claim released by its holder only). */
    public boolean deleteIfValue(String key, String value) {
        return txn("deleting " + key, new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.value(bytes(value))),
                Op.delete(bytes(key), DeleteOption.DEFAULT)).isSucceeded();
    }

    /** Deletes every key under {@code prefix}; returns how many. */
    public long deletePrefix(String prefix) {
        return call("deleting " + prefix, client.getKVClient().delete(bytes(prefix), DeleteOption.builder().isPrefix(true).build()))
                .getDeleted();
    }

    private TxnResponse txn(String doing, Cmp cmp, Op then) {
        return call(doing, client.getKVClient().txn().If(cmp).Then(then).commit());
    }

    /**
     * Calls {@code onChange} for every change under {@code prefix} after {@code afterRevision} (0:
     * from now on), in order. {@code onError} hears of a watch that cannot go on, e.g. because
     * the revision was compacted; jetcd itself resumes a watch after a lost connection.
     */
    public AutoCloseable watch(String prefix, long afterRevision, Consumer<StoreChange> onChange, Consumer<Throwable> onError) {
        WatchOption.Builder option = WatchOption.builder().isPrefix(true);
        if (afterRevision > 0) {
            option.withRevision(afterRevision + 1);
        }
        Watch.Watcher watcher = client.getWatchClient().watch(bytes(prefix), option.build(), Watch.listener(response -> {
            for (WatchEvent e : response.getEvents()) {
                KeyValue kv = e.getKeyValue();
                boolean deleted = e.getEventType() == WatchEvent.EventType.DELETE;
                onChange.accept(new StoreChange(string(kv.getKey()), deleted ? null : string(kv.getValue()), kv.getModRevision(), deleted));
            }
        }, onError::accept));
        return watcher::close;
    }

    /**
     * Waits for a jetcd call made through {@link #client()} as this class waits for its own: at most
     * the timeout, failures as a {@link StoreUnavailable} saying what was being done.
     */
    public <T> T call(String doing, CompletableFuture<T> future) {
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

    static StoredValue stored(KeyValue kv) {
        return new StoredValue(string(kv.getKey()), string(kv.getValue()), kv.getCreateRevision(), kv.getModRevision(), kv.getVersion(),
                kv.getLease());
    }

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    static String string(ByteSequence b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
