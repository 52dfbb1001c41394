package io.coreswarm.provisioner.operation;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.provisioner.model.Owner;

/**
 * An operation record with the replica that runs it (its cluster's owner; the operation's log is on
 * that replica's host): the value under {@code provisioner/operations/<id>} in etcd.
 */
public record OwnedOperation(Owner owner, Operation operation) {
}
