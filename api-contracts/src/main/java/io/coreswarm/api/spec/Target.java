package io.coreswarm.api.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a spec is rendered into. */
public enum Target {
    /** The seed exactly: coreos-vagrant config.rb + Vagrantfile + cloud-config user-data. Rendered, never booted. */
    COREOS_LEGACY("coreos-legacy"),
    /** Flatcar Container Linux: Butane and the Ignition it compiles to, etcd v3, Swarm mode. */
    FLATCAR("flatcar"),
    /** Vagrant's docker provider: every node a container running dockerd and etcd. Runs anywhere dockerd does. */
    LOCAL("local");

    private final String id;

    Target(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The Vagrant provider a spec gets when it names none. */
    public Provider defaultProvider() {
        return this == LOCAL ? Provider.DOCKER : Provider.VIRTUALBOX;
    }

    /**
     * Whether a spec that does not say gets TLS on its Docker and etcd endpoints: yes, except on
     * {@code coreos-legacy}, which renders the seed as it is (plain TCP 2375) unless asked.
     */
    public boolean defaultTls() {
        return this != COREOS_LEGACY;
    }

    @Override
    public String toString() {
        return id;
    }
}
