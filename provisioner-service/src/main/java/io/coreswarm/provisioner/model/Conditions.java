package io.coreswarm.provisioner.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coreswarm.api.cluster.Condition;

/**
 * A cluster's conditions, Cluster API style: one per type; an update replaces the condition of its
 * type, and {@code lastTransitionTime} moves only when the status changes. Ready comes first,
 * the others keep the order they were first seen in.
 */
public final class Conditions {
    public static final String READY = "Ready";

    private Conditions() {
    }

    public static List<Condition> merge(List<Condition> current, List<Condition> updates) {
        Map<String, Condition> byType = new LinkedHashMap<>();
        if (current != null) {
            current.forEach(c -> byType.putIfAbsent(c.type(), c));
        }
        for (Condition u : updates) {
            Condition was = byType.get(u.type());
            boolean same = was != null && was.status().equals(u.status()) && was.lastTransitionTime() != null;
            byType.put(u.type(), same ? new Condition(u.type(), u.status(), u.reason(), u.message(), was.lastTransitionTime()) : u);
        }
        List<Condition> merged = new ArrayList<>();
        if (byType.containsKey(READY)) {
            merged.add(byType.remove(READY));
        }
        merged.addAll(byType.values());
        return List.copyOf(merged);
    }
}
