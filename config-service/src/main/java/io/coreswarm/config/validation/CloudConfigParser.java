package io.coreswarm.config.validation;

import java.io.StringReader;
import java.util.Iterator;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Composes a cloud-config's YAML into snakeyaml nodes, which keep the line and column of every key
 * and value; a syntax error becomes a finding at its mark. Only composed, never constructed: no
 * object of the caller's choosing is ever built, and snakeyaml's alias and nesting limits stop
 * YAML bombs before the tree is walked.
 */
final class CloudConfigParser {
    private CloudConfigParser() {
    }

    /** The document's top-level mapping, or empty when there is none to check (findings say why). */
    static Optional<MappingNode> parse(String userData, Findings findings) {
        try {
            Iterator<Node> documents = new Yaml(new LoaderOptions()).composeAll(new StringReader(userData)).iterator();
            if (!documents.hasNext()) {
                return Optional.empty();
            }
            Node root = documents.next();
            if (documents.hasNext()) {
                findings.warning(documents.next(), KeyPath.ROOT,
                        "coreos-cloudinit reads only the first YAML document; this one is ignored");
            }
            if (root instanceof MappingNode mapping) {
                return Optional.of(mapping);
            }
            if (!(root instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag()))) {
                findings.error(root, KeyPath.ROOT, "a cloud-config must be a mapping of keys, not a " + root.getNodeId());
            }
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            String message = e.getContext() == null ? e.getProblem() : e.getProblem() + " (" + e.getContext() + ")";
            findings.documentError(e.getProblemMark(), message);
        } catch (ReaderException e) {
            // a character YAML does not allow; snakeyaml gives its offset, not a mark
            int[] at = lineAndColumn(userData, e.getPosition());
            findings.documentError(at[0], at[1], String.format("special character U+%04X is not allowed in YAML", e.getCodePoint()));
        } catch (YAMLException e) {
            findings.documentError(null, "cannot be read as YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** 1-based line and column of the code point at {@code offset}. */
    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < offset; i += Character.charCount(text.codePointAt(i)), seen++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] { line, column };
    }
}
