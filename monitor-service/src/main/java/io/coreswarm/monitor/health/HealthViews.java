package io.coreswarm.monitor.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.monitor.targets.TargetCatalog;
import io.coreswarm.store.ReplicaIdentity;
import io.coreswarm.store.StateStore;

/** Where the HTTP side reads a target's last poll: this process's board (files) or etcd. */
@ApplicationScoped
public class HealthViews {

    @Produces
    @ApplicationScoped
    LatestHealth latest(StateStore store, HealthBoard board, TargetCatalog targets, ObjectMapper json, ReplicaIdentity me) {
        if (store.isEtcd()) {
            return new EtcdHealth(store.etcd(), targets, json, me.id());
        }
        return new BoardHealth(board);
    }
}
