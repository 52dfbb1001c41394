package io.coreswarm.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.replica.Replica;
import io.quarkus.runtime.StartupEvent;

/**
 * The live replicas of this service. With etcd each replica writes its record under
 * {@code replicas/<service>/<id>} with its lease, so a replica that dies drops out within one TTL;
 * it writes it again on each new lease and whenever what it holds changes. With files the only
 * replica is this one.
 */
@ApplicationScoped
public class ReplicaRegistry {
    private static final Logger LOG = Logger.getLogger(ReplicaRegistry.class);
    static final String PREFIX = "replicas/";
    private final StateStore store;
    private final ReplicaIdentity me;
    private final ObjectMapper json;
    private volatile List<String> holds = List.of();

    @Inject
    ReplicaRegistry(StateStore store, ReplicaIdentity me, ObjectMapper json) {
        this.store = store;
        this.me = me;
        this.json = json;
    }

    void start(@Observes StartupEvent start) {
        if (store.isEtcd()) {
            store.lease().onNewLease(lease -> publish());
            publish();
        }
    }

    /** This replica, as the others see it. */
    public Replica self() {
        return new Replica(me.id(), me.service(), me.address(), me.host(), me.startedAt(), store.kind(), holds, true);
    }

    /** Says what this replica now holds alone (cluster names, target names); shown in {@code /v1/replicas}. */
    public void holds(Collection<String> now) {
        List<String> sorted = now.stream().sorted().toList();
        if (!sorted.equals(holds)) {
            holds = sorted;
            if (store.isEtcd()) {
                publish();
            }
        }
    }

    /** The live replicas of this service in id order, this one marked {@code self}. */
    public List<Replica> live() {
        if (!store.isEtcd()) {
            return List.of(self());
        }
        List<Replica> all = new ArrayList<>();
        for (StoredValue v : store.etcd().list(prefix())) {
            try {
                Replica r = json.readValue(v.value(), Replica.class);
                all.add(r.withSelf(r.id().equals(me.id())));
            } catch (JsonProcessingException e) {
                LOG.warnf("an unreadable replica record under %s is skipped", v.key());
            }
        }
        if (all.stream().noneMatch(Replica::self)) {
            // not (yet, or no longer) registered, e.g. while etcd was unreachable: it still answers
            all.add(self());
        }
        all.sort(Comparator.comparing(Replica::id));
        return all;
    }

    /** A live replica by id. */
    public Optional<Replica> find(String id) {
        return live().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private String prefix() {
        return PREFIX + me.service() + "/";
    }

    private synchronized void publish() {
        try {
            store.etcd().put(prefix() + me.id(), json.writeValueAsString(self().withSelf(false)), store.lease().id());
        } catch (StoreUnavailable e) {
            LOG.warnf("this replica is not registered yet: %s (tried again with the next lease)", e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
