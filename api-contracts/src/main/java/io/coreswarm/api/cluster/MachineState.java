package io.coreswarm.api.cluster;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A machine's state as Vagrant names it ({@code vagrant status --machine-readable}, the
 * {@code state} line), as docker/machine's {@code libmachine/state} names a host's: a closed set,
 * with {@link #UNKNOWN} for anything else. Docker provider: running, stopped, not_created,
 * host_state_unknown; virtualbox: running, poweroff, saved, aborted, not_created; libvirt: running,
 * shutoff, not_created.
 */
public enum MachineState {
    RUNNING("running"),
    STOPPED("stopped"),
    NOT_CREATED("not_created"),
    POWEROFF("poweroff"),
    SAVED("saved"),
    ABORTED("aborted"),
    SHUTOFF("shutoff"),
    HOST_STATE_UNKNOWN("host_state_unknown"),
    /** A state id this enum does not know, or no word from Vagrant yet. */
    UNKNOWN("unknown");

    private final String id;

    MachineState(String id) {
        this.id = id;
    }

    /** Vagrant's own id, as it appears on the wire. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The state Vagrant calls {@code id}; {@link #UNKNOWN} for an id it is not one of (never fails). */
    @JsonCreator
    public static MachineState of(String id) {
        if (id != null) {
            String trimmed = id.trim();
            for (MachineState s : values()) {
                if (s.id.equals(trimmed)) {
                    return s;
                }
            }
        }
        return UNKNOWN;
    }

    /** Created but not running: what {@code vagrant halt} leaves (stopped, poweroff, saved, shutoff). */
    public boolean halted() {
        return this == STOPPED || this == POWEROFF || this == SAVED || this == SHUTOFF;
    }

    @Override
    public String toString() {
        return id;
    }
}
