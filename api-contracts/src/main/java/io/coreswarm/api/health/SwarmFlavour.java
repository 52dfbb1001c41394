package io.coreswarm.api.health;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** Which swarm a target runs; in JSON its lowercase name ({@code mode}, {@code classic}). */
@JsonDeserialize(using = SwarmFlavour.Json.class)
public enum SwarmFlavour {
    /** Swarm mode (Docker 1.12+): raft among managers, read through {@code /nodes}. The default. */
    MODE("mode"),
    /** The classic swarm (the seed's {@code swarm manage}): read from a manager's {@code docker info}. */
    CLASSIC("classic");

    private final String id;

    SwarmFlavour(String id) {
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

    /** Reads only {@code mode} and {@code classic}. */
    public static final class Json extends JsonNames<SwarmFlavour> {
        private static final long serialVersionUID = 1L;

        public Json() {
            super(SwarmFlavour.class);
        }
    }
}
