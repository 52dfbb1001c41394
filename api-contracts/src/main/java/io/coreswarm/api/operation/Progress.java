package io.coreswarm.api.operation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far an operation is: the step it is on, and machines done of the machines it touches. */
@Schema(requiredProperties = { "step", "nodesDone", "nodesTotal" })
public record Progress(String step, int nodesDone, int nodesTotal) {

    /** One more node done (never more than {@code nodesTotal}). */
    public Progress withNodeDone() {
        return new Progress(step, Math.min(nodesDone + 1, nodesTotal), nodesTotal);
    }

    /** All nodes done, on step {@code done}. */
    public Progress completed(String done) {
        return new Progress(done, nodesTotal, nodesTotal);
    }
}
