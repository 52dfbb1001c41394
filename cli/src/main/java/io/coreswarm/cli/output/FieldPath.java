package io.coreswarm.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;

/**
 * {@code --field}: one value out of an answer, for scripts without a JSON tool, as the answer's
 * JSON names it: {@code phase}, {@code endpoints.dockerHost}, {@code nodes[0].address},
 * {@code nodes[].name} (every element's); an answer that is a list starts with its index:
 * {@code [].address}, {@code [0].id}. A scalar prints as text, null as an empty line, an array of
 * scalars one a line, anything else as compact JSON. A name the answer does not have is a usage
 * error (exit 2), so a typo does not pass for an empty value.
 */
public final class FieldPath {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]*)((?:\\[[0-9]*\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([0-9]*)\\]");

    private FieldPath() {
    }

    /** The lines {@code path} selects in {@code root}. */
    public static List<String> select(JsonNode root, String path) {
        List<JsonNode> current = List.of(root);
        boolean first = true;
        for (String segment : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(segment);
            // a name is required, but for the first segment of a list answer, which is an index alone ([].id)
            boolean indexOnly = first && m.matches() && m.group(1).isEmpty() && !m.group(2).isEmpty();
            if (!m.matches() || m.group(1).isEmpty() && !indexOnly) {
                throw new CliFailure(ExitCode.USAGE, "--field " + path + ": '" + segment + "' is not a field name");
            }
            first = false;
            List<JsonNode> next = indexOnly ? current : new ArrayList<>();
            if (!indexOnly) {
                for (JsonNode node : current) {
                    if (!node.isObject() || !node.has(m.group(1))) {
                        throw new CliFailure(ExitCode.USAGE, "--field " + path + ": the answer has no field '" + m.group(1) + "'");
                    }
                    next.add(node.get(m.group(1)));
                }
            }
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                next = elements(next, index.group(1), path);
            }
            current = next;
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode node : current) {
            if (node.isArray() && allScalar(node)) {
                node.forEach(e -> lines.add(text(e)));
            } else {
                lines.add(text(node));
            }
        }
        return lines;
    }

    private static List<JsonNode> elements(List<JsonNode> nodes, String index, String path) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (!node.isArray()) {
                throw new CliFailure(ExitCode.USAGE, "--field " + path + ": not a list where [] is used");
            }
            if (index.isEmpty()) {
                node.forEach(out::add);
            } else if (Integer.parseInt(index) < node.size()) {
                out.add(node.get(Integer.parseInt(index)));
            } else {
                throw new CliFailure(ExitCode.USAGE, "--field " + path + ": the list has " + node.size() + " elements");
            }
        }
        return out;
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
