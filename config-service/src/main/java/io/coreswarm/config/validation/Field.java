package io.coreswarm.config.validation;

/**
 * A field of a coreos-cloudinit config struct.
 *
 * @param name        its YAML key with {@code _} (the form keys are normalized to)
 * @param deprecation the reason of its {@code deprecated:"..."} tag, or null
 */
record Field(String name, Shape shape, String deprecation) {

    Field deprecated(String reason) {
        return new Field(name, shape, reason);
    }
}
