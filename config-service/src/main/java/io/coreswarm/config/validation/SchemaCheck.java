package io.coreswarm.config.validation;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * coreos-cloudinit's {@code checkStructure} and {@code checkValidity} in one walk: unknown keys,
 * wrong types and deprecated keys are warnings (the machine ignores or tolerates them); a value
 * its field's {@code valid} tag refuses is an error. A key given twice is an error too: today's
 * Flatcar cloudinit (yaml.v3) refuses such a document, older ones silently kept the last value.
 */
final class SchemaCheck implements CloudConfigRule {
    private final Shape.Struct schema;

    SchemaCheck(Shape.Struct schema) {
        this.schema = schema;
    }

    @Override
    public void check(MappingNode document, Findings findings) {
        new Walk(findings).struct(document, schema, KeyPath.ROOT);
    }

    /** One walk over one document. */
    private static final class Walk {
        private final Findings findings;
        /**
         * Collections already checked. An alias points at a node checked where its anchor is;
         * remembering it keeps a cyclic or exponentially aliased document from walking for ever.
         */
        private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        Walk(Findings findings) {
            this.findings = findings;
        }

        void struct(MappingNode mapping, Shape.Struct struct, KeyPath path) {
            if (!seen.add(mapping)) {
                return;
            }
            reportRepeatedKeys(mapping, path);
            for (NodeTuple entry : YamlMappings.entries(mapping)) {
                Node key = entry.getKeyNode();
                String written = YamlMappings.keyText(key);
                KeyPath at = path.key(written);
                Field field = struct.field(YamlMappings.normalize(written));
                if (field == null) {
                    findings.warning(key, at, "unrecognized key " + Findings.quote(written) + hint(path, written));
                    continue;
                }
                if (field.deprecation() != null) {
                    findings.warning(key, at, "deprecated key " + Findings.quote(written) + " (" + field.deprecation() + ")");
                }
                value(entry.getValueNode(), written, field.shape(), at);
            }
        }

        private void value(Node node, String name, Shape shape, KeyPath path) {
            if (!shape.admits(node)) {
                findings.warning(node, path,
                        "incorrect type for " + Findings.quote(name) + " (want " + shape.description() + ")");
                return;
            }
            if (shape instanceof Shape.Scalar scalar) {
                checkAllowed((ScalarNode) node, name, scalar.allowed(), path);
            } else if (shape instanceof Shape.Struct struct) {
                struct((MappingNode) node, struct, path);
            } else if (shape instanceof Shape.ListOf list && seen.add(node)) {
                List<Node> items = ((SequenceNode) node).getValue();
                for (int i = 0; i < items.size(); i++) {
                    value(items.get(i), name + "[" + i + "]", list.element(), path.index(i));
                }
            }
        }

        private void checkAllowed(ScalarNode node, String name, AllowedValues allowed, KeyPath path) {
            if (allowed != null && !allowed.admit(node.getValue())) {
                findings.error(node, path, "invalid value " + Findings.quote(node.getValue()) + " for "
                        + Findings.quote(name) + " (want " + allowed.description() + ")");
            }
        }

        /** Keys are compared normalized: cloudinit reads {@code drop-ins} and {@code drop_ins} as one key. */
        private void reportRepeatedKeys(MappingNode mapping, KeyPath path) {
            Map<String, Node> first = new HashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                Node key = entry.getKeyNode();
                String written = YamlMappings.keyText(key);
                if (YamlMappings.isMergeKey(entry)) {
                    if (YamlMappings.mergeSources(entry.getValueNode()).isEmpty()) {
                        findings.warning(entry.getValueNode(), path.key(written),
                                "incorrect type for \"<<\" (want a mapping or a list of mappings to merge)");
                    }
                    continue;
                }
                Node earlier = first.putIfAbsent(YamlMappings.normalize(written), key);
                if (earlier != null) {
                    findings.error(key, path.key(written), "duplicate key " + Findings.quote(written)
                            + " (also given at line " + (earlier.getStartMark().getLine() + 1) + ")");
                }
            }
        }

        /** coreos-cloudinit's checkWriteFilesUnderCoreos: a common mistake worth naming. */
        private static String hint(KeyPath parent, String key) {
            if (parent.value().equals("coreos") && YamlMappings.normalize(key).equals("write_files")) {
                return " (write_files belongs at the top level, not under coreos)";
            }
            return "";
        }
    }
}
