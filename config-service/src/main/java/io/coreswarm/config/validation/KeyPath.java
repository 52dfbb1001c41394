package io.coreswarm.config.validation;

/** Where a value sits in the document, keys as written: {@code coreos.units[2].drop-ins[0].name}. */
record KeyPath(String value) {
    static final KeyPath ROOT = new KeyPath("");

    KeyPath key(String key) {
        return new KeyPath(value.isEmpty() ? key : value + "." + key);
    }

    KeyPath index(int index) {
        return new KeyPath(value + "[" + index + "]");
    }

    /** The document itself has no path. */
    String orNull() {
        return value.isEmpty() ? null : value;
    }
}
