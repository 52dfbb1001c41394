package io.coreswarm.config.discovery;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.coreswarm.store.StateStore;

/** The one {@link TokenStore} of the process, as {@code coreswarm.store} says: in memory (files) or in etcd. */
@ApplicationScoped
class TokenStores {

    @Produces
    @Singleton
    TokenStore tokenStore(StateStore state, DiscoveryStore memory, DiscoveryConfig config) {
        return state.isEtcd() ? new EtcdTokenStore(state.etcd(), DiscoveryLimits.of(config.limits()), Clock.systemUTC()) : memory;
    }

    void close(@Disposes TokenStore store) {
        if (store instanceof EtcdTokenStore etcd) {
            etcd.close();
        }
    }
}
