package io.coreswarm.monitor.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.dockerjava.api.model.Info;

/**
 * Reads a classic swarm manager's cluster out of {@code GET /info}: {@code SystemStatus} (API
 * 1.22+) or, from older managers, {@code DriverStatus}, whose keys carry a {@code \b} that ate
 * the space the old docker CLI printed first. Rows: Role, Primary, Strategy, Filters, Nodes, then
 * per node {@code " <name>" = <addr>} followed by its {@code "  └ <key>"} rows. The rows per node
 * differ between swarm versions (ID, Error, UpdatedAt, ServerVersion come and go), so node rows
 * are read by their key after the {@code └}, never by position.
 */
public final class ClassicSwarmParser {
    private static final String BRANCH = "└";

    private ClassicSwarmParser() {
    }

    /** The classic swarm in an engine's info; empty when the engine is no classic manager. */
    public static Optional<ClassicSwarmInfo> parse(Info info) {
        Optional<ClassicSwarmInfo> fromSystemStatus = parse(pairs(info.getSystemStatus()));
        return fromSystemStatus.isPresent() ? fromSystemStatus : parse(info.getDriverStatuses());
    }

    public static Optional<ClassicSwarmInfo> parse(List<List<String>> rows) {
        if (rows == null) {
            return Optional.empty();
        }
        Map<String, String> top = new LinkedHashMap<>();
        List<ClassicNode> nodes = new ArrayList<>();
        boolean inNodes = false;
        String nodeName = null;
        String nodeAddress = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (List<String> row : rows) {
            if (row == null || row.isEmpty()) {
                continue;
            }
            String key = row.get(0).replace("\b", "");
            String value = row.size() > 1 && row.get(1) != null ? row.get(1).trim() : "";
            String trimmed = key.trim();
            if (trimmed.startsWith(BRANCH)) {
                if (nodeName != null) {
                    attributes.put(trimmed.substring(BRANCH.length()).trim(), value);
                }
            } else if (inNodes) {
                if (nodeName != null) {
                    nodes.add(new ClassicNode(nodeName, nodeAddress, attributes));
                }
                nodeName = trimmed;
                nodeAddress = value;
                attributes = new LinkedHashMap<>();
            } else {
                top.put(trimmed, value);
                inNodes = "Nodes".equals(trimmed);
            }
        }
        if (nodeName != null) {
            nodes.add(new ClassicNode(nodeName, nodeAddress, attributes));
        }
        if (!top.containsKey("Nodes")) {
            return Optional.empty();
        }
        return Optional.of(new ClassicSwarmInfo(top.get("Role"), top.get("Primary"), top.get("Strategy"),
                top.get("Filters"), integer(top.get("Nodes")), List.copyOf(nodes)));
    }

    /** docker-java types SystemStatus loosely (a list of objects); each row is a [key, value] list. */
    static List<List<String>> pairs(List<Object> systemStatus) {
        if (systemStatus == null) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Object row : systemStatus) {
            if (row instanceof List<?> cells) {
                rows.add(cells.stream().map(c -> c == null ? "" : c.toString()).toList());
            }
        }
        return rows;
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
