package io.coreswarm.provisioner.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.provisioner.model.Owner;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoredValue;

/**
 * Operation records in etcd, one key each under {@code provisioner/operations/<id>}, the value an
 * {@link OwnedOperation} naming the replica (and host) that runs it and keeps its log. Every replica
 * reads every operation; only the one running it writes it.
 */
final class EtcdOperationRecords implements OperationRecords {
    private static final Logger LOG = Logger.getLogger(EtcdOperationRecords.class);
    static final String PREFIX = "provisioner/operations/";

    private final EtcdStore etcd;
    private final ObjectMapper json;
    private final Supplier<Owner> self;

    private final int kept;

    EtcdOperationRecords(EtcdStore etcd, ObjectMapper json, Supplier<Owner> self) {
        this(etcd, json, self, KEPT);
    }

    /** @param kept how many finished operations are kept */
    EtcdOperationRecords(EtcdStore etcd, ObjectMapper json, Supplier<Owner> self, int kept) {
        this.etcd = etcd;
        this.json = json;
        this.self = self;
        this.kept = kept;
    }

    /** This replica's operations still marked queued or running: cut off when it stopped. */
    List<Operation> unfinishedHere() {
        String me = self.get().replica();
        return all().stream().filter(o -> o.owner() != null && o.owner().is(me) && !o.operation().state().finished())
                .map(OwnedOperation::operation).toList();
    }

    @Override
    public Optional<OwnedOperation> find(String id) {
        return etcd.get(PREFIX + id).flatMap(this::parse);
    }

    @Override
    public List<Operation> list(String cluster) {
        return all().stream().map(OwnedOperation::operation).filter(op -> cluster == null || op.cluster().equals(cluster)).toList();
    }

    private List<OwnedOperation> all() {
        List<OwnedOperation> all = new ArrayList<>();
        for (StoredValue v : etcd.list(PREFIX)) {
            parse(v).ifPresent(all::add);
        }
        return all;
    }

    @Override
    public void save(Operation op) {
        if (op.state() == io.coreswarm.api.operation.OperationState.QUEUED) {
            forgetOldest();
        }
        try {
            etcd.put(PREFIX + op.id(), json.writeValueAsString(new OwnedOperation(self.get(), op)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Bounded: before a new operation is recorded, the oldest finished ones beyond {@link #KEPT} are
     * deleted (the files forget a cluster's operations with its workspace; etcd would keep them all).
     */
    private void forgetOldest() {
        List<Operation> finished = all().stream().map(OwnedOperation::operation).filter(o -> o.state().finished())
                .sorted(java.util.Comparator.comparing(Operation::createdAt)).toList();
        for (int i = 0; i < finished.size() - kept; i++) {
            etcd.delete(PREFIX + finished.get(i).id());
        }
    }

    /** How many finished operations etcd keeps by default (every unfinished one is kept). */
    static final int KEPT = 1000;

    private Optional<OwnedOperation> parse(StoredValue v) {
        try {
            return Optional.of(json.readValue(v.value(), OwnedOperation.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("an unreadable operation record under %s is skipped: %s", v.key(), e.getOriginalMessage());
            return Optional.empty();
        }
    }
}
