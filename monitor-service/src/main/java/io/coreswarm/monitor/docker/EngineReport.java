package io.coreswarm.monitor.docker;

import com.github.dockerjava.api.model.Info;

/** One Docker endpoint's answer to {@code GET /info}, or why there was none. */
public record EngineReport(String endpoint, Info info, String error) {

    public static EngineReport of(String endpoint, Info info) {
        return new EngineReport(endpoint, info, null);
    }

    public static EngineReport failed(String endpoint, String error) {
        return new EngineReport(endpoint, null, error);
    }

    public boolean answered() {
        return info != null;
    }

    /** The swarm node id this engine belongs to (Swarm mode), or null. */
    public String swarmNodeId() {
        return info == null || info.getSwarm() == null ? null : blankToNull(info.getSwarm().getNodeID());
    }

    /** Whether this engine is a Swarm mode manager that can answer for the swarm. */
    public boolean isManager() {
        return info != null && info.getSwarm() != null && Boolean.TRUE.equals(info.getSwarm().getControlAvailable());
    }

    /** {@code host:port} of a tcp endpoint; the socket path of a unix one. */
    public String address() {
        return endpoint.replaceFirst("^[a-z]+://", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
