package io.coreswarm.config.health;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.coreswarm.config.discovery.TokenStore;

/**
 * The etcd discovery store is usable: it answers (under its lock, or from etcd) within a second, and a cluster
 * that bootstraps now could get a token (the store is below its caps, or holds an idle token it
 * would evict). Rendering and validation need nothing that can go away, so they have no check.
 */
@Readiness
@ApplicationScoped
public class DiscoveryReadiness implements HealthCheck {
    static final String NAME = "discovery-store";
    private static final long ANSWER_WITHIN_MS = 1000;

    private final TokenStore store;

    DiscoveryReadiness(TokenStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Capacity capacity;
        try {
            // every read inside the bound: with coreswarm.store=etcd each one is a call to etcd
            capacity = CompletableFuture.supplyAsync(() -> new Capacity(store.hasRoomForAToken(), store.tokenCount(), store.totalBytes()))
                    .get(ANSWER_WITHIN_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return response.down().withData("reason", "the store did not answer within " + ANSWER_WITHIN_MS + " ms").build();
        } catch (ExecutionException e) {
            return response.down().withData("reason", String.valueOf(e.getCause())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        }
        response.withData("tokens", capacity.tokens())
                .withData("maxTokens", store.limits().maxTokens())
                .withData("bytes", capacity.bytes())
                .withData("maxBytes", store.limits().maxTotalBytes());
        if (!capacity.room()) {
            return response.down().withData("reason", "full: no token can be created and none is idle to evict").build();
        }
        return response.up().build();
    }

    private record Capacity(boolean room, int tokens, long bytes) {
    }
}
