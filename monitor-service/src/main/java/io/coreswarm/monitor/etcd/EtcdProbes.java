package io.coreswarm.monitor.etcd;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.coreswarm.api.health.EtcdApi;

/** The {@link EtcdProbe} of each {@link EtcdApi}: exactly one per API, checked at start-up. */
@ApplicationScoped
public class EtcdProbes {
    private final Map<EtcdApi, EtcdProbe> byApi = new EnumMap<>(EtcdApi.class);

    @Inject
    EtcdProbes(Instance<EtcdProbe> all) {
        this((Iterable<EtcdProbe>) all);
    }

    EtcdProbes(Iterable<EtcdProbe> all) {
        for (EtcdProbe probe : all) {
            EtcdProbe before = byApi.put(probe.api(), probe);
            if (before != null) {
                throw new IllegalStateException("two etcd probes for " + probe.api() + ": "
                        + before.getClass().getSimpleName() + " and " + probe.getClass().getSimpleName());
            }
        }
        Arrays.stream(EtcdApi.values()).filter(api -> !byApi.containsKey(api)).findFirst().ifPresent(api -> {
            throw new IllegalStateException("no etcd probe for " + api);
        });
    }

    public EtcdProbe of(EtcdApi api) {
        return byApi.get(api);
    }
}
