package io.coreswarm.api.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Vagrant providers coreswarm renders for. */
public enum Provider {
    VIRTUALBOX("virtualbox"),
    LIBVIRT("libvirt"),
    DOCKER("docker");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Providers that honour {@code vagrant up --parallel}; virtualbox does not. */
    public boolean supportsParallelUp() {
        return this != VIRTUALBOX;
    }

    @Override
    public String toString() {
        return id;
    }
}
