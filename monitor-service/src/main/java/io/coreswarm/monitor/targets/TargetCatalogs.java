package io.coreswarm.monitor.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.store.StateStore;

/** The targets' catalog of this process: files, or etcd shared with the other replicas ({@code coreswarm.store}). */
@ApplicationScoped
public class TargetCatalogs {

    @Produces
    @ApplicationScoped
    TargetCatalog catalog(StateStore store, MonitorConfig config, ObjectMapper json) {
        if (store.isEtcd()) {
            return new EtcdTargets(store.etcd(), config.dataDir().resolve("targets"), json);
        }
        return new TargetStore(config, json);
    }

    void close(@Disposes TargetCatalog catalog) throws Exception {
        if (catalog instanceof AutoCloseable c) {
            c.close();
        }
    }
}
