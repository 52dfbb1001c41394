package io.coreswarm.api.history;

/**
 * An etcd member or swarm node that was not up during a point: {@code state} is {@code down} for
 * an etcd member, the node's state for a swarm node ({@code down}, {@code disconnected},
 * {@code unhealthy}, ...), the last such state seen in the point's interval.
 */
public record NodeState(NodePart part, String name, String state) {
}
