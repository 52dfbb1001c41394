package io.coreswarm.store;

import java.util.List;

import io.coreswarm.api.replica.Replica;
import io.coreswarm.api.replica.ReplicaApi;

/** {@code GET /v1/replicas}, the same in every service. */
public class ReplicasResource implements ReplicaApi {
    private final ReplicaRegistry registry;

    ReplicasResource(ReplicaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<Replica> list() {
        return registry.live();
    }
}
