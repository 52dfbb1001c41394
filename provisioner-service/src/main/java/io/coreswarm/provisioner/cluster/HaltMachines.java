package io.coreswarm.provisioner.cluster;

import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;

/** Halt: {@code vagrant halt}; a node counts as done when its container stops. */
record HaltMachines(Machines machines) implements Step {

    @Override
    public String name() {
        return "stop machines";
    }

    @Override
    public void run(OperationContext op) {
        machines.halt(op, stopped -> op.nodeDone());
    }
}
