package io.coreswarm.api.replica;

import java.util.Locale;

/** The three services of the platform, as {@code quarkus.application.name} names them. */
public enum ServiceName {
    CONFIG_SERVICE,
    PROVISIONER_SERVICE,
    MONITOR_SERVICE;

    /** {@code config-service}, {@code provisioner-service}, {@code monitor-service}. */
    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The service named {@code applicationName}, or an IllegalArgumentException. */
    public static ServiceName of(String applicationName) {
        for (ServiceName s : values()) {
            if (s.toString().equals(applicationName)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a coreswarm service: " + applicationName);
    }
}
