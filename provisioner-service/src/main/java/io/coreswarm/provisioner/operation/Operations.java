package io.coreswarm.provisioner.operation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.operation.OperationState;
import io.coreswarm.api.problem.NotFound;
import io.coreswarm.provisioner.model.Owner;
import io.coreswarm.provisioner.workspace.Workspaces;
import io.coreswarm.store.ReplicaIdentity;
import io.coreswarm.store.StateStore;
import io.coreswarm.store.StoreUnavailable;

/**
 * Operation records, kept by {@link FileOperationRecords} (the cluster's workspace) or
 * {@link EtcdOperationRecords} ({@code coreswarm.store=etcd}). The log of an operation stays in the
 * workspace on the host of the replica that runs it. At start-up an operation of this replica still
 * marked queued or running lost its process with the previous provisioner: it becomes
 * {@code interrupted}.
 */
@ApplicationScoped
public class Operations {
    private static final Logger LOG = Logger.getLogger(Operations.class);
    private final Workspaces workspaces;
    private final OperationRecords records;

    /** Without Quarkus (tests): the files, this replica alone. */
    Operations(Workspaces workspaces) {
        this.workspaces = workspaces;
        this.records = new FileOperationRecords(workspaces, () -> null);
    }

    @Inject
    Operations(Workspaces workspaces, StateStore store, ReplicaIdentity me, ObjectMapper json) {
        this.workspaces = workspaces;
        Supplier<Owner> self = () -> new Owner(me.id(), me.host(), me.address());
        if (store.isEtcd()) {
            EtcdOperationRecords etcd = new EtcdOperationRecords(store.etcd(), json, self);
            this.records = etcd;
            interruptCutOff(etcd);
        } else {
            this.records = new FileOperationRecords(workspaces, self);
        }
    }

    private void interruptCutOff(EtcdOperationRecords etcd) {
        try {
            for (Operation op : etcd.unfinishedHere()) {
                LOG.infof("operation %s (%s of %s) was %s when the provisioner stopped: interrupted", op.id(), op.kind(), op.cluster(), op.state());
                etcd.save(interrupted(op));
            }
        } catch (StoreUnavailable e) {
            LOG.warnf("operations cut off by the last stop are not marked interrupted: %s", e.getMessage());
        }
    }

    static Operation interrupted(Operation op) {
        return op.withState(OperationState.INTERRUPTED).withFinishedAt(Instant.now()).withError("the provisioner stopped while this operation ran");
    }

    public Operation get(String id) {
        return find(id).map(OwnedOperation::operation).orElseThrow(() -> new NotFound("no operation " + id));
    }

    /** The operation and the replica that runs it (null outside Quarkus). */
    public Optional<OwnedOperation> find(String id) {
        return records.find(id);
    }

    public List<Operation> list(String cluster) {
        return records.list(cluster).stream().sorted(Comparator.comparing(Operation::createdAt)).toList();
    }

    void save(Operation op) {
        records.save(op);
    }

    synchronized Operation update(String id, UnaryOperator<Operation> change) {
        Operation updated = change.apply(get(id));
        save(updated);
        return updated;
    }

    public Path log(String id) {
        return workspaces.of(get(id).cluster()).operationLog(id);
    }
}
