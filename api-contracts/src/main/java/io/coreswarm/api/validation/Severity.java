package io.coreswarm.api.validation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How much a finding matters, as coreos-cloudinit grades it: an {@code error} stops a machine from
 * applying the document as meant; a {@code warning} is applied anyway (an unknown key is ignored).
 */
public enum Severity {
    ERROR, WARNING;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
