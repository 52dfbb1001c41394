package io.coreswarm.config.validation;

import java.util.Set;

import org.yaml.snakeyaml.nodes.Tag;

/**
 * The Go field types of coreos-cloudinit's config structs and the YAML scalars each accepts
 * (its {@code isCompatible}): a string field takes any plain scalar, a float takes an int, nothing
 * else converts. Null never fits: coreos-cloudinit warns about a key given without a value.
 */
enum ScalarType {
    STRING("a string", Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.TIMESTAMP, Tag.BINARY)),
    INT("an integer", Set.of(Tag.INT)),
    FLOAT("a number", Set.of(Tag.INT, Tag.FLOAT)),
    BOOL("a boolean", Set.of(Tag.BOOL));

    private final String description;
    private final Set<Tag> accepted;

    ScalarType(String description, Set<Tag> accepted) {
        this.description = description;
        this.accepted = accepted;
    }

    boolean accepts(Tag tag) {
        return accepted.contains(tag);
    }

    String description() {
        return description;
    }
}
