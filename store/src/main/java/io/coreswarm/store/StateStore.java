package io.coreswarm.store;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.coreswarm.api.replica.StoreKind;

/**
 * Which store this process uses, and for {@code etcd} its one client and lease. Services choose
 * their repositories from {@link #kind()}: the files ones as before, or the etcd ones over
 * {@link #etcd()}. Connecting makes no call, so a service starts while etcd is down (its readiness
 * says so, its requests are answered 503) and works as soon as etcd answers.
 */
@ApplicationScoped
public class StateStore {
    private final StoreKind kind;
    private final EtcdStore etcd;
    private final LeaseKeeper lease;

    @Inject
    StateStore(@ConfigProperty(name = "coreswarm.store", defaultValue = "files") StoreKind kind, EtcdConfig etcdConfig) {
        this.kind = kind;
        if (kind == StoreKind.ETCD) {
            this.etcd = EtcdStore.connect(etcdConfig);
            this.lease = new LeaseKeeper(etcd, etcdConfig.leaseTtl()).start();
        } else {
            this.etcd = null;
            this.lease = null;
        }
    }

    public StoreKind kind() {
        return kind;
    }

    public boolean isEtcd() {
        return kind == StoreKind.ETCD;
    }

    /** The etcd client; an IllegalStateException with {@code coreswarm.store=files}. */
    public EtcdStore etcd() {
        if (etcd == null) {
            throw new IllegalStateException("coreswarm.store is files: there is no etcd");
        }
        return etcd;
    }

    /** The process's lease; an IllegalStateException with {@code coreswarm.store=files}. */
    public LeaseKeeper lease() {
        etcd();
        return lease;
    }

    @PreDestroy
    void close() {
        if (etcd != null) {
            lease.close();
            etcd.close();
        }
    }
}
