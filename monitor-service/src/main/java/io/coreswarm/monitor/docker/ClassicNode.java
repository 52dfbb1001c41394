package io.coreswarm.monitor.docker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One engine of a classic swarm as its manager lists it: {@code " <name>" = <addr>} and the
 * {@code └ <key>} rows under it, kept by key (which rows there are varies by swarm version).
 */
public record ClassicNode(String name, String address, Map<String, String> attributes) {

    public ClassicNode {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public String attribute(String key) {
        return attributes.get(key);
    }

    /** Pending, Unhealthy, Healthy, Disconnected or Maintenance, as the manager wrote it (see {@link ClassicNodeStatus}). */
    public String status() {
        return attribute("Status");
    }

    public String id() {
        return attribute("ID");
    }

    public String serverVersion() {
        return attribute("ServerVersion");
    }

    /** The engine's error; null when there is none ({@code (none)}, or no row since swarm 1.2.0). */
    public String error() {
        String error = attribute("Error");
        return error == null || error.isBlank() || "(none)".equals(error) ? null : error;
    }
}
