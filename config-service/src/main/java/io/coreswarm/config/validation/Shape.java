package io.coreswarm.config.validation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The shape coreos-cloudinit's config structs give a value: a scalar, a struct of named fields, or a list. */
sealed interface Shape permits Shape.Scalar, Shape.Struct, Shape.ListOf {

    /** Whether coreos-cloudinit would decode this node into the shape. */
    boolean admits(Node node);

    /** For messages: "a boolean", "a list of strings". */
    String description();

    /** A string, int, float or bool field, optionally with the values its {@code valid} tag allows. */
    record Scalar(ScalarType type, AllowedValues allowed) implements Shape {
        @Override
        public boolean admits(Node node) {
            return node instanceof ScalarNode && type.accepts(node.getTag());
        }

        @Override
        public String description() {
            return type.description();
        }
    }

    /** A Go struct; fields are keyed by their normalized YAML name. */
    record Struct(Map<String, Field> fields) implements Shape {
        static Struct of(Field... fields) {
            return new Struct(Arrays.stream(fields)
                    .collect(LinkedHashMap::new, (m, f) -> m.put(f.name(), f), Map::putAll));
        }

        Field field(String normalizedName) {
            return fields.get(normalizedName);
        }

        @Override
        public boolean admits(Node node) {
            return node instanceof MappingNode;
        }

        @Override
        public String description() {
            return "a mapping";
        }
    }

    /** A Go slice. */
    record ListOf(Shape element) implements Shape {
        @Override
        public boolean admits(Node node) {
            return node instanceof SequenceNode;
        }

        @Override
        public String description() {
            return "a list of " + element.description().replaceFirst("^an? ", "") + "s";
        }
    }
}
