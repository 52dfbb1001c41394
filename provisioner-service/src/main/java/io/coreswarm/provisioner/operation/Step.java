package io.coreswarm.provisioner.operation;

/**
 * One named step of an operation, like a kind create action: small, reported as it starts, and
 * owning its work and its progress (a step that counts nodes calls {@link OperationContext#nodeDone()}).
 * It depends on the {@link OperationContext} it is given, never on who runs it.
 */
public interface Step {

    /** What the log and the operation's progress call this step. */
    String name();

    void run(OperationContext op) throws Exception;

    /** The work of a step, or of a branch of one. */
    @FunctionalInterface
    interface Body {
        void run(OperationContext op) throws Exception;
    }

    /** A step whose work is small enough to need no class of its own. */
    static Step of(String name, Body body) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(OperationContext op) throws Exception {
                body.run(op);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** A step made of steps run at once ({@link Parallel}): the first failure stops the others. */
    static Step allAtOnce(String name, Step... parts) {
        Body[] bodies = new Body[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bodies[i] = parts[i]::run;
        }
        return of(name, Parallel.all(bodies));
    }
}
