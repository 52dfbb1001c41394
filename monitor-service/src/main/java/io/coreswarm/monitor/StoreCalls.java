package io.coreswarm.monitor;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoreUnavailable;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.Op;

/**
 * Transactions over several keys, which {@link EtcdStore} leaves to the raw client, bounded by the
 * store's timeout like its own calls (a {@link StoreUnavailable}, answered 503, past it).
 */
public final class StoreCalls {
    private StoreCalls() {
    }

    /** Runs {@code then} if every comparison holds; true if it ran. */
    public static boolean txn(EtcdStore etcd, String doing, Cmp[] when, Op... then) {
        CompletableFuture<TxnResponse> future = etcd.client().getKVClient().txn().If(when).Then(then).commit();
        try {
            return future.get(etcd.timeout().toMillis(), TimeUnit.MILLISECONDS).isSucceeded();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StoreUnavailable(doing, new TimeoutException("no answer within " + etcd.timeout().toMillis() + " ms"));
        } catch (ExecutionException e) {
            throw new StoreUnavailable(doing, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable(doing, e);
        }
    }

    public static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }
}
