package io.coreswarm.config.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reading a composed YAML tree the way coreos-cloudinit reads the decoded document: keys compared
 * with {@code -} taken as {@code _}, merge keys ({@code <<}) expanded, a repeated key's last value winning.
 */
final class YamlMappings {
    private YamlMappings() {
    }

    /** coreos-cloudinit rewrites every {@code -} in a key to {@code _} before matching it. */
    static String normalize(String key) {
        return key.replace('-', '_');
    }

    static String keyText(Node key) {
        return key instanceof ScalarNode s ? s.getValue() : "<" + key.getNodeId() + " key>";
    }

    static boolean isMergeKey(NodeTuple entry) {
        return Tag.MERGE.equals(entry.getKeyNode().getTag());
    }

    /**
     * The entries of a mapping with its merge keys expanded: explicit entries in order, then merged
     * entries whose key is not given explicitly (YAML's merge rule). snakeyaml only composes; merging
     * is the constructor's job, which is skipped here to keep the marks.
     */
    static List<NodeTuple> entries(MappingNode mapping) {
        Map<String, NodeTuple> merged = new LinkedHashMap<>();
        collectMerged(mapping, merged, Collections.newSetFromMap(new IdentityHashMap<>()));
        List<NodeTuple> all = new ArrayList<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!isMergeKey(entry)) {
                all.add(entry);
                merged.remove(normalize(keyText(entry.getKeyNode())));
            }
        }
        all.addAll(merged.values());
        return all;
    }

    private static void collectMerged(MappingNode mapping, Map<String, NodeTuple> into, Set<Node> visiting) {
        if (!visiting.add(mapping)) {
            return; // a mapping merging itself through an alias
        }
        for (NodeTuple entry : mapping.getValue()) {
            if (!isMergeKey(entry)) {
                continue;
            }
            for (MappingNode source : mergeSources(entry.getValueNode())) {
                for (NodeTuple merged : source.getValue()) {
                    if (!isMergeKey(merged)) {
                        into.putIfAbsent(normalize(keyText(merged.getKeyNode())), merged);
                    }
                }
                collectMerged(source, into, visiting);
            }
        }
    }

    /** A merge key takes a mapping or a list of mappings; anything else merges nothing. */
    static List<MappingNode> mergeSources(Node value) {
        if (value instanceof MappingNode m) {
            return List.of(m);
        }
        if (value instanceof SequenceNode s) {
            return s.getValue().stream().filter(MappingNode.class::isInstance).map(MappingNode.class::cast).toList();
        }
        return List.of();
    }

    /** The value under {@code name} (normalized), the last one if repeated; empty if absent or not a mapping. */
    static Optional<Node> child(Node parent, String name) {
        if (!(parent instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        Node found = null;
        for (NodeTuple entry : entries(mapping)) {
            if (normalize(keyText(entry.getKeyNode())).equals(name)) {
                found = entry.getValueNode();
            }
        }
        return Optional.ofNullable(found);
    }

    /** A scalar value under {@code name} that is not null; empty otherwise. */
    static Optional<ScalarNode> scalar(Node parent, String name) {
        return child(parent, name)
                .filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
                .filter(s -> !Tag.NULL.equals(s.getTag()));
    }

    /** The items of a list value; empty when the value is absent or not a list. */
    static List<Node> items(Optional<Node> value) {
        return value.filter(SequenceNode.class::isInstance).map(v -> ((SequenceNode) v).getValue()).orElse(List.of());
    }
}
