package io.coreswarm.config.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

import io.coreswarm.api.validation.Finding;
import io.coreswarm.api.validation.Severity;

/** Collects the findings of one validation; positions come from snakeyaml marks (0-based) and leave 1-based. */
final class Findings {
    /** Values are echoed in messages; a hostile megabyte of them should not be. */
    private static final int MAX_QUOTED = 80;

    private final List<Finding> found = new ArrayList<>();

    void error(Node at, KeyPath path, String message) {
        add(Severity.ERROR, at.getStartMark(), path, message);
    }

    void warning(Node at, KeyPath path, String message) {
        add(Severity.WARNING, at.getStartMark(), path, message);
    }

    /** A problem of the document as a whole (its header, its syntax), at its mark or else at its start. */
    void documentError(Mark mark, String message) {
        add(Severity.ERROR, mark, KeyPath.ROOT, message);
    }

    void documentError(int line, int column, String message) {
        found.add(Finding.error(line, column, null, message));
    }

    private void add(Severity severity, Mark mark, KeyPath path, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        found.add(new Finding(severity, line, column, path.orNull(), message));
    }

    List<Finding> inDocumentOrder() {
        return found.stream()
                .sorted(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column))
                .toList();
    }

    /** {@code "value"}, shortened when long, with quotes and control characters escaped. */
    static String quote(String value) {
        String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "…" : value;
        StringBuilder b = new StringBuilder("\"");
        shown.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }
}
