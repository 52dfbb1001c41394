package io.coreswarm.provisioner.operation;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.coreswarm.store.Claims;
import io.coreswarm.store.ReplicaIdentity;
import io.coreswarm.store.StateStore;

/**
 * One operation per cluster across replicas: with {@code coreswarm.store=etcd} an operation holds
 * the claim {@code provisioner/locks/<cluster>} under this replica's lease from the moment it is
 * accepted until it ends, so no other replica starts one meanwhile (and a dead replica's lock goes
 * with its lease, within one TTL). With files the runner's own map is the lock and this does nothing.
 */
@ApplicationScoped
public class ClusterLocks {
    private static final Logger LOG = Logger.getLogger(ClusterLocks.class);
    static final String PREFIX = "provisioner/locks/";

    private final StateStore store;
    private final ReplicaIdentity me;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile Claims claims;

    /** Without Quarkus (tests): files, no lock beyond the runner's. */
    ClusterLocks() {
        this.store = null;
        this.me = null;
    }

    @Inject
    ClusterLocks(StateStore store, ReplicaIdentity me) {
        this.store = store;
        this.me = me;
        if (store.isEtcd()) {
            // a new lease (the old one expired while etcd was unreachable) lost every claim: take them again
            store.lease().onNewLease(lease -> held.forEach(this::retake));
        }
    }

    private Claims claims() {
        if (claims == null) {
            // the replica id is read at first use: a test's random port is known only once the server listens
            claims = new Claims(store.etcd(), store.lease(), me.id());
        }
        return claims;
    }

    private boolean etcd() {
        return store != null && store.isEtcd();
    }

    /** Takes the cluster's lock for an operation of this replica; the replica that holds it when another one does. */
    Optional<String> take(String cluster) {
        if (!etcd()) {
            return Optional.empty();
        }
        dropStale(cluster);
        if (claims().claim(PREFIX + cluster)) {
            held.add(cluster);
            return Optional.empty();
        }
        return claims().holder(PREFIX + cluster).or(() -> Optional.of("another replica"));
    }

    /**
     * A lock of this replica's id under another lease was left by this replica's previous life (killed,
     * started again within one TTL): it would vanish with that lease under the new operation.
     */
    private void dropStale(String cluster) {
        store.etcd().get(PREFIX + cluster)
                .filter(v -> v.value().equals(claims().holder()) && v.lease() != store.lease().id() && !held.contains(cluster))
                .ifPresent(v -> store.etcd().deleteIfValue(PREFIX + cluster, v.value()));
    }

    /** The replica that holds the cluster's lock when it is another one. */
    Optional<String> heldElsewhere(String cluster) {
        if (!etcd()) {
            return Optional.empty();
        }
        return claims().holder(PREFIX + cluster).filter(h -> !h.equals(claims().holder()));
    }

    void release(String cluster) {
        if (etcd() && held.remove(cluster)) {
            claims().release(PREFIX + cluster);
        }
    }

    private void retake(String cluster) {
        try {
            if (!claims().claim(PREFIX + cluster)) {
                LOG.warnf("the lock of cluster %s was taken by %s while this replica's lease was lost", cluster,
                        claims().holder(PREFIX + cluster).orElse("another replica"));
            }
        } catch (RuntimeException e) {
            LOG.warnf("taking the lock of cluster %s again: %s", cluster, e.getMessage());
        }
    }
}
