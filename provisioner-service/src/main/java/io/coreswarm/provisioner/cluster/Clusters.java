package io.coreswarm.provisioner.cluster;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.problem.NotFound;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.workspace.Workspace;
import io.coreswarm.provisioner.workspace.Workspaces;

/**
 * The cluster records, in memory and in each workspace's cluster.json (the source of truth at
 * start-up). Reads come from memory; every change is written through.
 */
@ApplicationScoped
public class Clusters {
    private final Workspaces workspaces;
    private final Map<String, ClusterRecord> byName = new ConcurrentHashMap<>();

    Clusters(Workspaces workspaces) {
        this.workspaces = workspaces;
        for (Workspace w : workspaces.all()) {
            workspaces.read(w.clusterRecord(), ClusterRecord.class).ifPresent(c -> byName.put(c.name(), c));
        }
    }

    public Optional<ClusterRecord> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public ClusterRecord get(String name) {
        return find(name).orElseThrow(() -> new NotFound("no cluster named " + name));
    }

    public List<ClusterRecord> all() {
        Collection<ClusterRecord> all = byName.values();
        return all.stream().sorted(Comparator.comparing(ClusterRecord::name)).toList();
    }

    public synchronized void save(ClusterRecord record) {
        workspaces.write(workspaces.of(record.name()).clusterRecord(), record);
        byName.put(record.name(), record);
    }

    public synchronized ClusterRecord update(String name, UnaryOperator<ClusterRecord> change) {
        return updateIfPresent(name, change).orElseThrow(() -> new NotFound("no cluster named " + name));
    }

    /** Changes a cluster that still exists; a change that returns the record it was given writes nothing. */
    public synchronized Optional<ClusterRecord> updateIfPresent(String name, UnaryOperator<ClusterRecord> change) {
        ClusterRecord current = byName.get(name);
        if (current == null) {
            return Optional.empty();
        }
        ClusterRecord updated = change.apply(current);
        if (updated != current) {
            save(updated);
        }
        return Optional.of(updated);
    }

    /** Forgets a cluster and deletes its workspace. */
    public synchronized void remove(String name) {
        byName.remove(name);
        workspaces.delete(workspaces.of(name));
    }

    public Workspace workspace(String name) {
        return workspaces.of(name);
    }
}
