package io.coreswarm.provisioner.operation;

/** One named step of an operation, like a kind create action: small, and reported as it starts. */
public record Step(String name, Body body) {

    @FunctionalInterface
    public interface Body {
        void run(OperationContext op) throws Exception;
    }

    public static Step of(String name, Body body) {
        return new Step(name, body);
    }
}
