package io.coreswarm.monitor.watch;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.monitor.health.Events;
import io.coreswarm.monitor.health.HealthBoard;
import io.coreswarm.monitor.health.HealthMetrics;
import io.coreswarm.monitor.health.LatestHealth;
import io.coreswarm.monitor.history.HealthHistory;
import io.coreswarm.monitor.poll.PollShare;
import io.coreswarm.monitor.poll.Poller;
import io.coreswarm.monitor.poll.TargetConnections;
import io.coreswarm.monitor.targets.TargetPolicy;
import io.coreswarm.monitor.targets.TargetRules;
import io.coreswarm.monitor.targets.TargetCatalog;

/**
 * Adding, changing and removing targets, and everything that hangs on a target: its file, its
 * place on the board, its events, its history, its metrics, its polls and its connections.
 */
@ApplicationScoped
public class Targets {
    private static final Logger LOG = Logger.getLogger(Targets.class);
    private final TargetCatalog store;
    private final HealthBoard board;
    private final Events events;
    private final HealthMetrics metrics;
    private final Poller poller;
    private final TargetConnections connections;
    private final HealthHistory history;
    private final LatestHealth latest;
    private final PollShare share;
    private final TargetPolicy policy;
    private final int maxTargets;
    private final int maxEndpoints;

    Targets(TargetCatalog store, HealthBoard board, Events events, HealthMetrics metrics, Poller poller,
            TargetConnections connections, HealthHistory history, MonitorConfig config, LatestHealth latest, PollShare share) {
        this.latest = latest;
        this.share = share;
        this.store = store;
        this.board = board;
        this.events = events;
        this.metrics = metrics;
        this.poller = poller;
        this.connections = connections;
        this.history = history;
        this.policy = new TargetPolicy(config.maxEndpointsPerTarget(), config.allowedNetworks(), config.allowedHosts());
        this.maxTargets = config.maxTargets();
        this.maxEndpoints = config.maxEndpoints();
    }

    public List<MonitorTarget> all() {
        return store.all();
    }

    public MonitorTarget get(String name) {
        return store.find(name).orElseThrow(() -> notWatched(name));
    }

    /**
     * Stores the target and polls it at once, rather than on the next tick. Refused (nothing
     * stored) when an endpoint points where the policy does not allow, or when it would take the
     * monitor past its caps on targets and endpoints.
     */
    public synchronized MonitorTarget put(String name, MonitorTarget body) {
        MonitorTarget target = TargetRules.normalize(name, body);
        policy.check(target);
        MonitorTarget previous = store.find(name).orElse(null);
        if (previous == null && store.all().size() >= maxTargets) {
            throw new ProblemException(409, "Conflict", "at most " + maxTargets
                    + " targets are watched (coreswarm.monitor.max-targets); delete one first");
        }
        int endpoints = store.all().stream().filter(t -> !t.name().equals(name)).mapToInt(Targets::endpoints).sum()
                + endpoints(target);
        if (endpoints > maxEndpoints) {
            throw new ProblemException(409, "Conflict", "at most " + maxEndpoints
                    + " endpoints are watched over all targets (coreswarm.monitor.max-endpoints); this target would make "
                    + endpoints);
        }
        boolean added = store.put(target);
        // as stored: its TLS as the files now hold it, which is what polls compare against
        MonitorTarget stored = store.find(name).orElseThrow();
        if (share.holds(name)) {
            // with etcd, a replica puts a target on its board when it takes its polls
            board.watch(name);
            metrics.update(board.all());
        }
        poller.pollSoon(stored);
        // TargetTls's toString names no key material
        LOG.infof("target %s %s: %s", name, added ? "added" : "changed", stored);
        return stored;
    }

    private static int endpoints(MonitorTarget t) {
        return t.dockerEndpoints().size() + t.etcdEndpoints().size();
    }

    public synchronized void remove(String name) {
        if (!store.remove(name)) {
            throw notWatched(name);
        }
        board.forget(name);
        latest.forget(name);
        events.forget(name);
        history.forget(name);
        connections.close(name);
        metrics.update(board.all());
        LOG.infof("target %s removed", name);
    }

    public static ProblemException notWatched(String name) {
        return new ProblemException(404, "Not Found", "no cluster named " + name + " is watched; PUT /v1/targets/" + name + " first");
    }
}
