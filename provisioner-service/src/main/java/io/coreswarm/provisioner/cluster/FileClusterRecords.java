package io.coreswarm.provisioner.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.model.Owner;
import io.coreswarm.provisioner.workspace.Workspace;
import io.coreswarm.provisioner.workspace.Workspaces;

/**
 * The cluster records in memory and in each workspace's cluster.json (the source of truth at
 * start-up). Reads come from memory; every change is written through. One replica only.
 */
final class FileClusterRecords implements ClusterRecords {
    private final Workspaces workspaces;
    private final Supplier<Owner> self;
    private final Map<String, ClusterRecord> byName = new ConcurrentHashMap<>();

    FileClusterRecords(Workspaces workspaces, Supplier<Owner> self) {
        this.workspaces = workspaces;
        this.self = self;
        for (Workspace w : workspaces.all()) {
            workspaces.read(w.clusterRecord(), ClusterRecord.class).ifPresent(c -> byName.put(c.name(), c));
        }
    }

    @Override
    public Optional<OwnedCluster> find(String name) {
        return Optional.ofNullable(byName.get(name)).map(c -> new OwnedCluster(self.get(), c));
    }

    @Override
    public List<OwnedCluster> all() {
        return byName.values().stream().sorted(Comparator.comparing(ClusterRecord::name)).map(c -> new OwnedCluster(self.get(), c)).toList();
    }

    @Override
    public synchronized boolean create(ClusterRecord record) {
        if (byName.containsKey(record.name())) {
            return false;
        }
        save(record);
        return true;
    }

    @Override
    public synchronized void save(ClusterRecord record) {
        workspaces.write(workspaces.of(record.name()).clusterRecord(), record);
        byName.put(record.name(), record);
    }

    @Override
    public synchronized Optional<ClusterRecord> update(String name, UnaryOperator<ClusterRecord> change) {
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

    @Override
    public synchronized void remove(String name) {
        byName.remove(name);
    }
}
