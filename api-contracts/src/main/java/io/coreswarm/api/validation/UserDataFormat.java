package io.coreswarm.api.validation;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What coreos-cloudinit takes a user-data document for, judging by its first line. Only
 * {@code cloud-config} is checked key by key; scripts, Ignition configs and multipart MIME are
 * accepted unchecked, exactly as {@code coreos-cloudinit -validate} accepts them.
 */
public enum UserDataFormat {
    CLOUD_CONFIG("cloud-config"),
    SCRIPT("script"),
    IGNITION("ignition"),
    MULTIPART_MIME("multipart-mime"),
    /** Neither of the above: coreos-cloudinit would not apply it at all. */
    UNRECOGNIZED("unrecognized");

    private final String wire;

    UserDataFormat(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String toString() {
        return wire;
    }
}
