package io.coreswarm.api.replica;

import java.time.Instant;
import java.util.List;

/**
 * One live replica of a service.
 *
 * @param id        stable for the life of the process ({@code coreswarm.replica.id}, or the host name and port)
 * @param service   which service it is
 * @param address   where the other replicas (and clients) reach it, e.g. {@code http://10.0.0.5:8082}
 * @param host      the host it runs on (the provisioner's clusters live on that host)
 * @param startedAt when the process started
 * @param store     where it keeps its state; with {@code files} there is only ever this one replica
 * @param holds     what it holds alone: the provisioner's clusters, the monitor's polled targets
 *                  (config-service holds nothing: any replica answers any token)
 * @param self      whether it is the replica that answered this request
 */
public record Replica(
        String id,
        ServiceName service,
        String address,
        String host,
        Instant startedAt,
        StoreKind store,
        List<String> holds,
        boolean self) {

    public Replica {
        holds = holds == null ? List.of() : List.copyOf(holds);
    }

    public Replica withHolds(List<String> holds) {
        return new Replica(id, service, address, host, startedAt, store, holds, self);
    }

    public Replica withSelf(boolean self) {
        return new Replica(id, service, address, host, startedAt, store, holds, self);
    }
}
