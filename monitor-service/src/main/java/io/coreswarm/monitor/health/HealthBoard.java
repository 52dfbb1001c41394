package io.coreswarm.monitor.health;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.monitor.docker.SwarmObservation;
import io.coreswarm.monitor.etcd.EtcdObservation;
import io.coreswarm.monitor.targets.TargetCatalog;
import io.coreswarm.store.StateStore;

/** The last poll of every target this replica polls ("not polled yet" until its first one ends). */
@ApplicationScoped
public class HealthBoard {
    private final Map<String, Snapshot> latest = new ConcurrentHashMap<>();

    /** With files every target is this replica's from the start; with etcd only those it takes ({@link #takeOver}, {@link #watch}). */
    HealthBoard(TargetCatalog store, StateStore state) {
        if (!state.isEtcd()) {
            store.all().forEach(t -> watch(t.name()));
        }
    }

    public void watch(String cluster) {
        latest.putIfAbsent(cluster, Snapshot.notPolled(cluster));
    }

    public Optional<Snapshot> get(String cluster) {
        return Optional.ofNullable(latest.get(cluster));
    }

    /** Records a poll of a watched target and returns the one before; empty if the target is no longer watched. */
    public Optional<Snapshot> update(Snapshot snapshot) {
        AtomicReference<Snapshot> before = new AtomicReference<>();
        latest.computeIfPresent(snapshot.cluster(), (name, old) -> {
            before.set(old);
            return snapshot;
        });
        return Optional.ofNullable(before.get());
    }

    /**
     * Starts watching a target whose polls this replica takes over from another, going on from the
     * health that one published (so its first poll here tells only what changed since).
     */
    public void takeOver(ClusterHealth published) {
        latest.put(published.cluster(), new Snapshot(published, EtcdObservation.notWatched(), SwarmObservation.notWatched()));
    }

    public void forget(String cluster) {
        latest.remove(cluster);
    }

    public Collection<Snapshot> all() {
        return List.copyOf(latest.values());
    }
}
