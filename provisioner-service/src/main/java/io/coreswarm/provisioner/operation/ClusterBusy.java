package io.coreswarm.provisioner.operation;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.problem.Conflict;

/** 409: a cluster runs one operation at a time, and this one is running. */
public class ClusterBusy extends Conflict {
    public ClusterBusy(Operation running) {
        super("cluster " + running.cluster() + " is busy with operation " + running.id()
                + " (" + running.kind() + ", " + running.state() + "); wait for it or cancel it");
    }
}
