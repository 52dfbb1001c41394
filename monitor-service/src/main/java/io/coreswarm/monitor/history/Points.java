package io.coreswarm.monitor.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.api.health.HealthStatus;
import io.coreswarm.api.health.SwarmNodeHealth;
import io.coreswarm.api.history.HistoryPoint;
import io.coreswarm.api.history.NodePart;
import io.coreswarm.api.history.NodeState;

/** A poll as a history point, and points merged into one. */
final class Points {
    private Points() {
    }

    static HistoryPoint of(ClusterHealth h) {
        List<NodeState> notUp = new ArrayList<>();
        int etcdUp = 0;
        for (EtcdMemberHealth m : h.etcd()) {
            if (m.reachable()) {
                etcdUp++;
            } else {
                notUp.add(new NodeState(NodePart.ETCD, m.name(), "down"));
            }
        }
        int swarmUp = 0;
        for (SwarmNodeHealth n : h.swarm()) {
            if (n.up()) {
                swarmUp++;
            } else {
                notUp.add(new NodeState(NodePart.SWARM, n.hostname(), n.state()));
            }
        }
        return new HistoryPoint(h.checkedAt(), h.status(), 1, h.status() == HealthStatus.HEALTHY ? 1 : 0, etcdUp, h.etcd().size(),
                swarmUp, h.swarm().size(), cap(notUp));
    }

    /**
     * Two points as one at {@code time}: the worse status, the sums of polls, the fewest up and the
     * most known, and every member or node not up in either (the later state when both name it).
     */
    static HistoryPoint merge(Instant time, HistoryPoint a, HistoryPoint b) {
        Map<String, NodeState> notUp = new LinkedHashMap<>();
        for (NodeState n : a.notUp()) {
            notUp.put(n.part() + "/" + n.name(), n);
        }
        for (NodeState n : b.notUp()) {
            notUp.put(n.part() + "/" + n.name(), n);
        }
        return new HistoryPoint(time, severity(b.status()) > severity(a.status()) ? b.status() : a.status(),
                a.samples() + b.samples(), a.healthy() + b.healthy(),
                Math.min(a.etcdUp(), b.etcdUp()), Math.max(a.etcdMembers(), b.etcdMembers()),
                Math.min(a.swarmUp(), b.swarmUp()), Math.max(a.swarmNodes(), b.swarmNodes()), cap(new ArrayList<>(notUp.values())));
    }

    static HistoryPoint at(Instant time, HistoryPoint p) {
        return new HistoryPoint(time, p.status(), p.samples(), p.healthy(), p.etcdUp(), p.etcdMembers(), p.swarmUp(), p.swarmNodes(),
                p.notUp());
    }

    /**
     * Which status a merged point shows: DOWN above all (a lost quorum must not be hidden by an
     * interval that also had an unanswered poll), then UNKNOWN, DEGRADED, HEALTHY.
     */
    static int severity(HealthStatus s) {
        return switch (s) {
            case HEALTHY -> 0;
            case DEGRADED -> 1;
            case UNKNOWN -> 2;
            case DOWN -> 3;
        };
    }

    private static List<NodeState> cap(List<NodeState> notUp) {
        return List.copyOf(notUp.size() > HistoryPoint.MAX_NOT_UP ? notUp.subList(0, HistoryPoint.MAX_NOT_UP) : notUp);
    }
}
