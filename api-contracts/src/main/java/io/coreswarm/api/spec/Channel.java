package io.coreswarm.api.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Release channel of the node OS. CoreOS had alpha, beta and stable; Flatcar adds lts. */
public enum Channel {
    ALPHA("alpha"),
    BETA("beta"),
    STABLE("stable"),
    LTS("lts");

    private final String id;

    Channel(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
