package io.coreswarm.monitor.poll;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.monitor.MonitorKeys;
import io.coreswarm.store.Claims;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.LeaseKeeper;
import io.coreswarm.store.ReplicaRegistry;
import io.coreswarm.store.StoreUnavailable;

/**
 * The targets split between the live replicas through etcd: a target is polled by the replica
 * whose claim {@code monitor/pollers/<name>} holds it, a key kept under that replica's lease, so it
 * is free again within one lease TTL of the replica's death. On each tick a replica reads the claims
 * and the live replicas, lets go of claims beyond its fair share ({@code ceil(targets / replicas)},
 * the last by name first) and of removed targets, and claims free targets up to its share: two
 * replicas thus split the targets within a tick or two of each other's arrival, and one alone takes
 * them all. While etcd does not answer, a replica goes on polling what it holds as long as its lease
 * is alive (nobody can take it meanwhile), and nothing once it is not.
 */
final class ClaimedTargets implements PollShare {
    private static final Logger LOG = Logger.getLogger(ClaimedTargets.class);
    private final EtcdStore store;
    private final Claims claims;
    private final LeaseKeeper lease;
    private final ReplicaRegistry replicas;
    private volatile Set<String> held = Set.of();
    private boolean unreachableLogged;

    ClaimedTargets(EtcdStore store, Claims claims, LeaseKeeper lease, ReplicaRegistry replicas) {
        this.store = store;
        this.claims = claims;
        this.lease = lease;
        this.replicas = replicas;
    }

    @Override
    public synchronized Split split(List<MonitorTarget> all) {
        Set<String> before = held;
        Set<String> names = new TreeSet<>(all.stream().map(MonitorTarget::name).toList());
        Set<String> now;
        try {
            now = claim(names);
            if (unreachableLogged) {
                LOG.info("etcd answers again: the targets are split by their claims");
                unreachableLogged = false;
            }
        } catch (StoreUnavailable e) {
            now = new TreeSet<>();
            if (lease.alive()) {
                before.stream().filter(names::contains).forEach(now::add);
            }
            if (!unreachableLogged) {
                LOG.warnf("the poll claims cannot be read (%s): polling the %d targets held while the lease lives", e.getMessage(),
                        now.size());
                unreachableLogged = true;
            }
        }
        held = Set.copyOf(now);
        replicas.holds(now);
        Set<String> gained = new HashSet<>(now);
        gained.removeAll(before);
        Set<String> lost = new HashSet<>(before);
        lost.removeAll(now);
        if (!gained.isEmpty() || !lost.isEmpty()) {
            LOG.infof("polling %s (took %s, let go of %s)", new TreeSet<>(now), new TreeSet<>(gained), new TreeSet<>(lost));
        }
        Set<String> mine = held;
        return new Split(all.stream().filter(t -> mine.contains(t.name())).toList(), Set.copyOf(gained), Set.copyOf(lost));
    }

    /**
     * Watches the claims for deletions (a release, or a lease that expired with its replica) and
     * asks for an extra tick on each ({@link Poller} runs one for a burst of them).
     */
    @Override
    public void onFreed(Runnable retick) {
        store.watch(MonitorKeys.POLLERS, 0, change -> {
            if (change.deleted()) {
                retick.run();
            }
        }, e -> LOG.debugf("the watch of freed poll claims ended (%s): takeovers wait for the next tick", e.getMessage()));
    }

    @Override
    public boolean holds(String name) {
        return held.contains(name) && lease.alive();
    }

    private Set<String> claim(Set<String> names) {
        Map<String, String> holders = claims.holders(MonitorKeys.POLLERS);
        int live = Math.max(1, replicas.live().size());
        int share = (names.size() + live - 1) / live;
        TreeSet<String> mine = new TreeSet<>();
        for (Map.Entry<String, String> claim : holders.entrySet()) {
            if (claims.holder().equals(claim.getValue())) {
                if (names.contains(claim.getKey())) {
                    mine.add(claim.getKey());
                } else {
                    claims.release(MonitorKeys.POLLERS + claim.getKey()); // removed meanwhile
                }
            }
        }
        while (mine.size() > share) {
            String extra = mine.pollLast();
            claims.release(MonitorKeys.POLLERS + extra);
        }
        for (String name : names) {
            if (mine.size() >= share) {
                break;
            }
            if (!holders.containsKey(name) && claims.claim(MonitorKeys.POLLERS + name)) {
                mine.add(name);
            }
        }
        return mine;
    }
}
