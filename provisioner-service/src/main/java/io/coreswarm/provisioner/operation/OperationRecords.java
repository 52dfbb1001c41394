package io.coreswarm.provisioner.operation;

import java.util.List;
import java.util.Optional;

import io.coreswarm.api.operation.Operation;

/**
 * Where operation records are kept: {@link FileOperationRecords} (the cluster's workspace, the
 * default) or {@link EtcdOperationRecords} (shared by every replica). {@link Operations} chooses.
 */
interface OperationRecords {
    Optional<OwnedOperation> find(String id);

    /** Every operation, of {@code cluster} only unless it is null. */
    List<Operation> list(String cluster);

    /** Writes an operation this replica runs. */
    void save(Operation op);
}
