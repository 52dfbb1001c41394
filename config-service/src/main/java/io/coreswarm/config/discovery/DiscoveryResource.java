package io.coreswarm.config.discovery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.coreswarm.api.discovery.DiscoveryApi;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import io.smallrye.mutiny.Uni;

/**
 * The discovery protocol over HTTP. Long polls ({@code wait=true}) hold no thread: the response is
 * a future that the write it waits for completes, or the configured timeout does. Reads are
 * {@link Blocking}, although they answer a future: with {@code coreswarm.store=etcd} they call etcd,
 * which must not stall the event loop.
 */
public class DiscoveryResource implements DiscoveryApi {
    private final DiscoveryService discovery;
    private final TokenStore store;
    private final DiscoveryConfig config;

    @Context
    UriInfo uri;

    /** The request as it arrived: its raw path still has the dot segments the router resolved away. */
    @Context
    HttpServerRequest request;

    DiscoveryResource(DiscoveryService discovery, TokenStore store, DiscoveryConfig config) {
        this.discovery = discovery;
        this.store = store;
        this.config = config;
    }

    @Override
    public String newToken(String size) {
        return discovery.newTokenUrl(DiscoveryParams.size(size), uri.getBaseUri());
    }

    @Override
    @Blocking
    public CompletionStage<Response> getToken(String token, boolean recursive, boolean wait, String waitIndex) {
        return getKey(token, "", recursive, wait, waitIndex);
    }

    @Override
    @Blocking
    public CompletionStage<Response> getKey(String token, String key, boolean recursive, boolean wait, String waitIndex) {
        KeyPath path = keyPath(token, key);
        long since = DiscoveryParams.waitIndex(waitIndex);
        if (!wait) {
            return CompletableFuture.completedFuture(respond(store.get(path, recursive)));
        }
        // Mutiny's timer runs on Quarkus's own scheduler (CompletableFuture's delayer thread would
        // carry a foreign class loader, which breaks building the Response in test mode)
        return Uni.createFrom().completionStage(store.watch(path, recursive, since))
                .ifNoItem().after(config.waitTimeout()).recoverWithItem(() -> null)
                .map(change -> change == null
                        // an empty 200 is what etcd's watcher retries on (client.ErrEmptyBody)
                        ? Response.ok().header(ETCD_INDEX, store.index()).build()
                        : Response.ok(change.response()).header(ETCD_INDEX, store.index()).build())
                .subscribeAsCompletionStage();
    }

    @Override
    public Response put(String token, String key, String value, String formTtl, String queryTtl, String prevExist) {
        KeyPath path = keyPath(token, key);
        return respond(store.set(path, value, DiscoveryParams.prevExist(prevExist),
                DiscoveryParams.ttl(formTtl, queryTtl, store.limits().maxTtl())));
    }

    @Override
    public Response delete(String token, String key) {
        return respond(store.delete(keyPath(token, key)));
    }

    /**
     * The key, checked: {@code a/%2E%2E/b} reaches here as {@code b} once the router has resolved
     * the dot segments, so the raw path is checked for them too.
     */
    private KeyPath keyPath(String token, String key) {
        String raw = request == null ? null : request.path();
        if (raw != null) {
            for (String segment : raw.split("/")) {
                String decoded = segment.replace("%2e", ".").replace("%2E", ".");
                if (decoded.equals(".") || decoded.equals("..") || segment.toLowerCase(java.util.Locale.ROOT).contains("%2f")) {
                    throw io.coreswarm.api.problem.ProblemException.invalid("key",
                            "must not contain '.' or '..' segments or encoded slashes");
                }
            }
        }
        return store.keyPath(token, key);
    }

    private static Response respond(Outcome outcome) {
        return Response.status(outcome.status()).entity(outcome.response()).header(ETCD_INDEX, outcome.index()).build();
    }
}
