package io.coreswarm.provisioner.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.cluster.Condition;
import io.coreswarm.api.problem.Conflict;
import io.coreswarm.api.problem.NotFound;
import io.coreswarm.api.replica.Replica;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.model.Owner;
import io.coreswarm.provisioner.workspace.Workspace;
import io.coreswarm.provisioner.workspace.Workspaces;
import io.coreswarm.store.ReplicaIdentity;
import io.coreswarm.store.ReplicaRegistry;
import io.coreswarm.store.StateStore;
import io.coreswarm.store.StoreUnavailable;
import io.quarkus.runtime.StartupEvent;

/**
 * The cluster records, kept by {@link FileClusterRecords} (workspaces, one replica) or
 * {@link EtcdClusterRecords} ({@code coreswarm.store=etcd}, every replica). Each cluster is owned
 * by the replica that created it: its workspace is on that replica's host, its operations run
 * there, and the replica registry shows it among what that replica holds.
 */
@ApplicationScoped
public class Clusters {
    private static final Logger LOG = Logger.getLogger(Clusters.class);
    /** condition type of a cluster whose owner is gone */
    public static final String OWNER = "OwnerAvailable";

    private final Workspaces workspaces;
    private final ClusterRecords records;
    private final Supplier<Owner> self;
    private final ReplicaRegistry registry;

    /** Without Quarkus (tests): the files, this replica alone. */
    Clusters(Workspaces workspaces) {
        this.workspaces = workspaces;
        this.self = () -> null;
        this.records = new FileClusterRecords(workspaces, self);
        this.registry = null;
    }

    @Inject
    Clusters(Workspaces workspaces, StateStore store, ReplicaIdentity me, ReplicaRegistry registry, ObjectMapper json) {
        this.workspaces = workspaces;
        // read at use: the replica's id and address are known once the server listens
        this.self = () -> new Owner(me.id(), me.host(), me.address());
        this.records = store.isEtcd() ? new EtcdClusterRecords(store.etcd(), json, self) : new FileClusterRecords(workspaces, self);
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            publishHolds();
        } catch (StoreUnavailable e) {
            LOG.warnf("the clusters this replica holds are not published yet: %s", e.getMessage());
        }
    }

    public Optional<ClusterRecord> find(String name) {
        return records.find(name).map(OwnedCluster::record);
    }

    public ClusterRecord get(String name) {
        return find(name).orElseThrow(() -> new NotFound("no cluster named " + name));
    }

    /** Every cluster, in name order, whoever owns it. */
    public List<ClusterRecord> all() {
        return records.all().stream().map(OwnedCluster::record).toList();
    }

    /** The clusters this replica owns: the ones whose machines it reconciles and registers. */
    public List<ClusterRecord> mine() {
        return records.all().stream().filter(this::isMine).map(OwnedCluster::record).toList();
    }

    /** The replica that owns {@code name} when it is another one (never with files). */
    public Optional<Owner> ownerElsewhere(String name) {
        return records.find(name).filter(c -> !isMine(c)).map(OwnedCluster::owner);
    }

    private boolean isMine(OwnedCluster c) {
        Owner me = self.get();
        return me == null || c.owner() == null || c.owner().is(me.replica());
    }

    /**
     * Every cluster as readers see it: one whose owner has no live replica record any more is in
     * phase Unknown with the condition {@value #OWNER}=False (reason {@code OwnerGone}) naming it.
     */
    public List<ClusterRecord> shown() {
        List<OwnedCluster> all = records.all();
        Set<String> live = all.stream().allMatch(this::isMine) ? Set.of() : liveReplicas();
        return all.stream().map(c -> shown(c, live)).toList();
    }

    /** One cluster as readers see it (see {@link #shown()}). */
    public ClusterRecord shown(String name) {
        OwnedCluster c = records.find(name).orElseThrow(() -> new NotFound("no cluster named " + name));
        return shown(c, isMine(c) ? Set.of() : liveReplicas());
    }

    private ClusterRecord shown(OwnedCluster c, Set<String> live) {
        if (isMine(c) || live.contains(c.owner().replica())) {
            return c.record();
        }
        return c.record().withPhase(ClusterPhase.UNKNOWN, c.record().conditions())
                .withConditions(List.of(new Condition(OWNER, "False", "OwnerGone", ownerGone(c.record().name(), c.owner()), Instant.now())));
    }

    /** What a reader is told of a cluster whose owner is gone. */
    public static String ownerGone(String cluster, Owner owner) {
        return "cluster " + cluster + " is owned by " + owner + ", which is gone (no live replica record): its workspace and "
                + "machines are on " + owner.host() + "; start that replica again to read or operate the cluster";
    }

    private Set<String> liveReplicas() {
        return registry.live().stream().map(Replica::id).collect(Collectors.toSet());
    }

    /** Records a new cluster, owned by this replica; a 409 when the name is taken, here or on another replica. */
    public synchronized void create(ClusterRecord record) {
        if (!records.create(record)) {
            throw new NameTaken(record.name());
        }
        publishHolds();
    }

    /** 409: a cluster of that name exists (possibly created by another replica a moment ago). */
    static final class NameTaken extends Conflict {
        NameTaken(String name) {
            super("cluster " + name + " already exists");
        }
    }

    public synchronized void save(ClusterRecord record) {
        records.save(record);
    }

    public synchronized ClusterRecord update(String name, UnaryOperator<ClusterRecord> change) {
        return updateIfPresent(name, change).orElseThrow(() -> new NotFound("no cluster named " + name));
    }

    /** Changes a cluster that still exists; a change that returns the record it was given writes nothing. */
    public synchronized Optional<ClusterRecord> updateIfPresent(String name, UnaryOperator<ClusterRecord> change) {
        return records.update(name, change);
    }

    /** Forgets a cluster and deletes its workspace. */
    public synchronized void remove(String name) {
        records.remove(name);
        workspaces.delete(workspaces.of(name));
        publishHolds();
    }

    /** Deletes this host's workspace of a cluster whose name another replica took first. */
    synchronized void discardWorkspace(String name) {
        workspaces.delete(workspaces.of(name));
    }

    public Workspace workspace(String name) {
        return workspaces.of(name);
    }

    private void publishHolds() {
        if (registry != null) {
            registry.holds(mine().stream().map(ClusterRecord::name).toList());
        }
    }
}
