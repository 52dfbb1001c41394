package io.coreswarm.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** With etcd: it answers a read and this replica's lease is alive. With files: nothing to check. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {
    private final StateStore store;

    StoreReadiness(StateStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("store").withData("kind", store.kind().toString());
        if (!store.isEtcd()) {
            return response.up().build();
        }
        try {
            long revision = store.etcd().revision();
            response.withData("revision", revision);
            return store.lease().alive() ? response.up().build() : response.down().withData("reason", "the lease is not kept alive").build();
        } catch (StoreUnavailable e) {
            return response.down().withData("reason", e.getMessage()).build();
        }
    }
}
