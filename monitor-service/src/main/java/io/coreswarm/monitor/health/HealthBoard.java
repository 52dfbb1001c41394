package io.coreswarm.monitor.health;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.monitor.targets.TargetStore;

/** The last poll of every watched target ("not polled yet" until its first one ends). */
@ApplicationScoped
public class HealthBoard {
    private final Map<String, Snapshot> latest = new ConcurrentHashMap<>();

    HealthBoard(TargetStore store) {
        store.all().forEach(t -> watch(t.name()));
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

    public void forget(String cluster) {
        latest.remove(cluster);
    }

    public Collection<Snapshot> all() {
        return List.copyOf(latest.values());
    }
}
