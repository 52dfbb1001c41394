package io.coreswarm.provisioner.replica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.api.replica.Replica;
import io.coreswarm.provisioner.cluster.Clusters;
import io.coreswarm.provisioner.model.Owner;
import io.coreswarm.provisioner.operation.OwnedOperation;
import io.coreswarm.provisioner.operation.Operations;
import io.coreswarm.store.ReplicaIdentity;
import io.coreswarm.store.ReplicaRegistry;
import io.coreswarm.store.StateStore;

/**
 * With {@code coreswarm.store=etcd}: a request that needs the replica owning its cluster
 * ({@link OwnedPath}) and reached another one is sent on to the owner, found live in the replica
 * registry: forwarded through {@link OwnerProxy} (the caller gets the owner's answer), or for
 * streams a 307 to the same path on the owner. An owner with no live replica record is gone: a 503
 * problem names it and its host. Runs after the API token was checked (ApiGate) and the body
 * bounded (HttpEdges), after matching, so a bad path or body is still refused by this replica.
 */
@Provider
@Priority(Priorities.USER + 100)
public class OwnerForwarding implements ContainerRequestFilter {
    @Inject
    StateStore store;
    @Inject
    Clusters clusters;
    @Inject
    Operations operations;
    @Inject
    ReplicaRegistry registry;
    @Inject
    ReplicaIdentity me;
    @Inject
    OwnerProxy proxy;
    @ConfigProperty(name = "coreswarm.http.max-body-bytes", defaultValue = "1048576")
    long maxBody;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!store.isEtcd()) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Optional<OwnedPath> owned = OwnedPath.of(request.getMethod(), path);
        if (owned.isEmpty()) {
            return;
        }
        Optional<Owner> owner = ownerElsewhere(owned.get());
        if (owner.isEmpty()) {
            return;
        }
        String what = owned.get().cluster() != null ? "cluster " + owned.get().cluster() : "operation " + owned.get().operation();
        String forwardedBy = request.getHeaderString(OwnerProxy.FORWARDED_BY);
        if (forwardedBy != null) {
            throw new ProblemException(503, "Owner moved", "replica " + forwardedBy + " forwarded a request for " + what + " to "
                    + me.id() + ", but " + owner.get() + " owns it: try again");
        }
        Replica live = registry.find(owner.get().replica()).orElseThrow(() -> new ProblemException(503, "Owner gone",
                what + " is owned by " + owner.get() + ", which is gone (no live replica record): its workspace and machines are on "
                        + owner.get().host() + "; start that replica again to operate it"));
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String pathAndQuery = path + (query == null ? "" : "?" + query);
        if (owned.get().way() == OwnedPath.Way.REDIRECT) {
            request.abortWith(Response.temporaryRedirect(URI.create(live.address() + pathAndQuery))
                    .header(OwnerProxy.ANSWERED_BY, live.id()).build());
            return;
        }
        request.abortWith(proxy.forward(live.id(), live.address(), request.getMethod(), pathAndQuery, request::getHeaderString,
                body(request), me.id()));
    }

    private Optional<Owner> ownerElsewhere(OwnedPath owned) {
        if (owned.cluster() != null) {
            return clusters.ownerElsewhere(owned.cluster());
        }
        return operations.find(owned.operation()).map(OwnedOperation::owner).filter(o -> !o.is(me.id()));
    }

    private byte[] body(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        try {
            byte[] body = request.getEntityStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            if (body.length > maxBody) {
                throw new ProblemException(413, "Payload Too Large", "the body is larger than " + maxBody + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
