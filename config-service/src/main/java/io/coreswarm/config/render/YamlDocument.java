package io.coreswarm.config.render;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.serializer.Serializer;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds YAML as a snakeyaml node tree, so every value is a scalar the emitter quotes as it must:
 * a string can never become a key, a list item or a second document. Multi-line strings are
 * written as literal blocks ({@code |}), the way cloud-config unit files are written by hand.
 */
public final class YamlDocument {
    private YamlDocument() {
    }

    /** A mapping whose keys keep their order; values are Strings, Booleans, Numbers, Lists or Maps. */
    public static Node of(Object value) {
        if (value instanceof Node node) {
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            List<NodeTuple> tuples = new ArrayList<>();
            map.forEach((k, v) -> tuples.add(new NodeTuple(str(k.toString()), of(v))));
            return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
        }
        if (value instanceof List<?> list) {
            return new SequenceNode(Tag.SEQ, list.stream().map(YamlDocument::of).toList(), DumperOptions.FlowStyle.BLOCK);
        }
        if (value instanceof Boolean b) {
            return new ScalarNode(Tag.BOOL, b.toString(), null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        if (value instanceof Integer || value instanceof Long) {
            return new ScalarNode(Tag.INT, value.toString(), null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        return str(String.valueOf(value));
    }

    /** A string scalar; the emitter quotes it when plain style would read as something else. */
    public static ScalarNode str(String s) {
        DumperOptions.ScalarStyle style = s.contains("\n") && !hasTrailingSpace(s)
                ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN;
        return new ScalarNode(Tag.STR, s, null, null, style);
    }

    /** Attaches a {@code # comment} line above a mapping key. */
    public static Node commented(Node node, String comment) {
        node.setBlockComments(List.of(new CommentLine(null, null, " " + comment, CommentType.BLOCK)));
        return node;
    }

    /** Emits one document, with {@code ---} when {@code explicitStart}. */
    public static String dump(Node root, boolean explicitStart) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(Integer.MAX_VALUE);
        options.setProcessComments(true);
        options.setExplicitStart(explicitStart);
        StringWriter out = new StringWriter();
        Serializer serializer = new Serializer(new Emitter(out, options), new Resolver(), options, null);
        try {
            serializer.open();
            serializer.serialize(root);
            serializer.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Literal blocks cannot keep trailing spaces on a line; such strings stay quoted. */
    private static boolean hasTrailingSpace(String s) {
        return s.lines().anyMatch(l -> l.endsWith(" ") || l.endsWith("\t"));
    }
}
