package io.coreswarm.api.history;

/** Which part of a cluster a node belongs to. */
public enum NodePart {
    ETCD, SWARM
}
