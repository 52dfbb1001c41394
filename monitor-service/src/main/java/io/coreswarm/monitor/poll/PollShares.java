package io.coreswarm.monitor.poll;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.coreswarm.store.Claims;
import io.coreswarm.store.ReplicaIdentity;
import io.coreswarm.store.ReplicaRegistry;
import io.coreswarm.store.StateStore;

/** Which targets this process polls: all (files), or its share claimed in etcd. */
@ApplicationScoped
public class PollShares {

    @Produces
    @ApplicationScoped
    PollShare share(StateStore store, ReplicaRegistry replicas, ReplicaIdentity me) {
        if (store.isEtcd()) {
            return new ClaimedTargets(store.etcd(), new Claims(store.etcd(), store.lease(), me.id()), store.lease(), replicas);
        }
        return new EveryTarget();
    }
}
