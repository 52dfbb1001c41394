package io.coreswarm.provisioner.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.problem.Conflict;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.model.Owner;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoredValue;

/**
 * The cluster records in etcd, one key each under {@code provisioner/clusters/<name>}, the value an
 * {@link OwnedCluster} (the record and the replica that owns it). Every replica reads every cluster;
 * only the owner writes one. The name is taken in a transaction (only if the key is absent), so it
 * stays unique across replicas; changes are compare-and-swap on the key's modRevision.
 */
final class EtcdClusterRecords implements ClusterRecords {
    private static final Logger LOG = Logger.getLogger(EtcdClusterRecords.class);
    static final String PREFIX = "provisioner/clusters/";
    /** read-modify-write attempts before a change gives up (only the owner writes, so one is the rule) */
    private static final int ATTEMPTS = 5;

    private final EtcdStore etcd;
    private final ObjectMapper json;
    private final Supplier<Owner> self;

    EtcdClusterRecords(EtcdStore etcd, ObjectMapper json, Supplier<Owner> self) {
        this.etcd = etcd;
        this.json = json;
        this.self = self;
    }

    @Override
    public Optional<OwnedCluster> find(String name) {
        return etcd.get(PREFIX + name).flatMap(this::parse);
    }

    @Override
    public List<OwnedCluster> all() {
        List<OwnedCluster> all = new ArrayList<>();
        for (StoredValue v : etcd.list(PREFIX)) {
            parse(v).ifPresent(all::add);
        }
        return all;
    }

    @Override
    public boolean create(ClusterRecord record) {
        return etcd.create(PREFIX + record.name(), write(new OwnedCluster(self.get(), record)));
    }

    @Override
    public void save(ClusterRecord record) {
        etcd.put(PREFIX + record.name(), write(new OwnedCluster(self.get(), record)));
    }

    @Override
    public Optional<ClusterRecord> update(String name, UnaryOperator<ClusterRecord> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StoredValue> stored = etcd.get(PREFIX + name);
            Optional<OwnedCluster> was = stored.flatMap(this::parse);
            if (was.isEmpty()) {
                return Optional.empty();
            }
            ClusterRecord updated = change.apply(was.get().record());
            if (updated == was.get().record()) {
                return Optional.of(updated);
            }
            if (etcd.replace(PREFIX + name, write(new OwnedCluster(was.get().owner(), updated)), stored.get().modRevision())) {
                return Optional.of(updated);
            }
        }
        throw new Conflict("cluster " + name + " kept changing while this replica updated it (" + ATTEMPTS + " attempts)");
    }

    @Override
    public void remove(String name) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StoredValue> stored = etcd.get(PREFIX + name);
            if (stored.isEmpty()) {
                return;
            }
            Optional<OwnedCluster> was = parse(stored.get());
            if (was.isPresent() && was.get().owner() != null && !was.get().owner().is(self.get().replica())) {
                // another replica's cluster (e.g. one that took the name first): not ours to forget
                return;
            }
            if (etcd.deleteIfValue(PREFIX + name, stored.get().value())) {
                return;
            }
        }
    }

    private Optional<OwnedCluster> parse(StoredValue v) {
        try {
            return Optional.of(json.readValue(v.value(), OwnedCluster.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("an unreadable cluster record under %s is skipped: %s", v.key(), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private String write(OwnedCluster c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
