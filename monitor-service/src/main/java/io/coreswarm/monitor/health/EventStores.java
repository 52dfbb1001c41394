package io.coreswarm.monitor.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.monitor.targets.TargetCatalog;
import io.coreswarm.store.StateStore;

/** The events of this process: files under the data dir, or etcd shared with the other replicas. */
@ApplicationScoped
public class EventStores {

    @Produces
    @ApplicationScoped
    Events events(StateStore store, MonitorConfig config, ObjectMapper json, TargetCatalog targets) {
        if (store.isEtcd()) {
            return new EtcdEvents(store.etcd(), json, config.eventsKept());
        }
        return new EventLog(config, json, targets);
    }

    void close(@Disposes Events events) throws Exception {
        if (events instanceof AutoCloseable c) {
            c.close();
        }
    }
}
