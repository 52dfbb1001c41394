package io.coreswarm.api.health;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** Which etcd API a target's members answer; in JSON its lowercase name ({@code v3}, {@code v2}). */
@JsonDeserialize(using = EtcdApi.Json.class)
public enum EtcdApi {
    /** etcd 3 over gRPC, read through jetcd. The default. */
    V3("v3"),
    /** etcd2 (the seed's) over its v2 HTTP API: {@code /health}, {@code /v2/members}, {@code /v2/stats/self}. */
    V2("v2");

    private final String id;

    EtcdApi(String id) {
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

    /** Reads only {@code v3} and {@code v2}. */
    public static final class Json extends JsonNames<EtcdApi> {
        private static final long serialVersionUID = 1L;

        public Json() {
            super(EtcdApi.class);
        }
    }
}
