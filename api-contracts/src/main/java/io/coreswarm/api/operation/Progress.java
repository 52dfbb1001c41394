package io.coreswarm.api.operation;

/** How far an operation is: the step it is on, and machines done of the machines it touches. */
public record Progress(String step, int nodesDone, int nodesTotal) {
}
