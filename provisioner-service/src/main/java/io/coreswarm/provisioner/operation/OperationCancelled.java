package io.coreswarm.provisioner.operation;

/** Raised inside an operation once it has been cancelled. */
public class OperationCancelled extends RuntimeException {
    public OperationCancelled() {
        super("cancelled");
    }
}
