package io.coreswarm.monitor.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.api.health.EventKind;
import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.api.health.SwarmNodeHealth;

/**
 * The events between two consecutive healths of a cluster. Members and nodes are compared only
 * when both polls could list them: a part that stops answering shows as a health change, not as
 * every member vanishing.
 */
public final class Transitions {
    static final String NONE = "none";

    private Transitions() {
    }

    public static List<HealthEvent> between(ClusterHealth before, ClusterHealth after) {
        List<HealthEvent> events = new ArrayList<>();
        Instant at = after.checkedAt();
        String cluster = after.cluster();
        if (before.status() != after.status()) {
            events.add(new HealthEvent(at, cluster, EventKind.HEALTH, cluster, before.status().name(), after.status().name(),
                    "cluster " + after.status().name() + (after.reasons().isEmpty() ? "" : ": " + String.join("; ", after.reasons()))));
        }
        if (before.checkedAt() != null && !before.etcd().isEmpty() && !after.etcd().isEmpty()) {
            etcdMembers(before, after, at, events);
            leader(EventKind.ETCD_LEADER, "etcd", before.etcdLeader(), after.etcdLeader(), cluster, at, events);
        }
        if (before.checkedAt() != null && !before.swarm().isEmpty() && !after.swarm().isEmpty()) {
            swarmNodes(before, after, at, events);
            leader(EventKind.SWARM_LEADER, "swarm", before.swarmLeader(), after.swarmLeader(), cluster, at, events);
        }
        return events;
    }

    private static void etcdMembers(ClusterHealth before, ClusterHealth after, Instant at, List<HealthEvent> events) {
        Map<String, EtcdMemberHealth> was = before.etcd().stream().collect(Collectors.toMap(EtcdMemberHealth::id, Function.identity(), (a, b) -> a));
        for (EtcdMemberHealth now : after.etcd()) {
            EtcdMemberHealth then = was.get(now.id());
            String from = then == null ? "absent" : upOrDown(then.reachable());
            String to = upOrDown(now.reachable());
            if (!from.equals(to)) {
                events.add(new HealthEvent(at, after.cluster(), EventKind.ETCD_MEMBER, now.name(), from, to,
                        "etcd member " + now.name() + (now.reachable() ? (then == null ? " joined" : " reachable again")
                                : " unreachable" + (now.error() == null ? "" : ": " + now.error()))));
            }
        }
        for (EtcdMemberHealth then : before.etcd()) {
            if (after.etcd().stream().noneMatch(m -> m.id().equals(then.id()))) {
                events.add(new HealthEvent(at, after.cluster(), EventKind.ETCD_MEMBER, then.name(), upOrDown(then.reachable()),
                        "absent", "etcd member " + then.name() + " removed"));
            }
        }
    }

    private static void swarmNodes(ClusterHealth before, ClusterHealth after, Instant at, List<HealthEvent> events) {
        Map<String, SwarmNodeHealth> was = before.swarm().stream().collect(Collectors.toMap(Transitions::key, Function.identity(), (a, b) -> a));
        for (SwarmNodeHealth now : after.swarm()) {
            SwarmNodeHealth then = was.get(key(now));
            String from = then == null ? "absent" : then.state();
            if (!Objects.equals(from, now.state())) {
                events.add(new HealthEvent(at, after.cluster(), EventKind.SWARM_NODE, now.hostname(), from, now.state(),
                        "swarm node " + now.hostname() + " " + now.state()));
            }
        }
        for (SwarmNodeHealth then : before.swarm()) {
            if (after.swarm().stream().noneMatch(n -> key(n).equals(key(then)))) {
                events.add(new HealthEvent(at, after.cluster(), EventKind.SWARM_NODE, then.hostname(), then.state(), "absent",
                        "swarm node " + then.hostname() + " removed"));
            }
        }
    }

    private static void leader(EventKind kind, String part, String before, String after, String cluster, Instant at,
            List<HealthEvent> events) {
        if (!Objects.equals(before, after)) {
            String from = before == null ? NONE : before;
            String to = after == null ? NONE : after;
            events.add(new HealthEvent(at, cluster, kind, part, from, to,
                    after == null ? "no " + part + " leader" : part + " leader is now " + to));
        }
    }

    /** Swarm mode nodes have ids; classic ones may not, their names are unique. */
    private static String key(SwarmNodeHealth n) {
        return n.id() != null ? n.id() : n.hostname();
    }

    private static String upOrDown(boolean up) {
        return up ? "up" : "down";
    }
}
