package io.coreswarm.cli.command;

import java.util.List;
import java.util.Locale;

import io.coreswarm.api.replica.ServiceName;

/** {@code replicas --service}: one of the three services, or all of them in the platform's order. */
enum ReplicaServices {
    CONFIG(List.of(ServiceName.CONFIG_SERVICE)),
    PROVISIONER(List.of(ServiceName.PROVISIONER_SERVICE)),
    MONITOR(List.of(ServiceName.MONITOR_SERVICE)),
    ALL(List.of(ServiceName.CONFIG_SERVICE, ServiceName.PROVISIONER_SERVICE, ServiceName.MONITOR_SERVICE));

    private final List<ServiceName> services;

    ReplicaServices(List<ServiceName> services) {
        this.services = services;
    }

    List<ServiceName> services() {
        return services;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
