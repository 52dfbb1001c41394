package io.coreswarm.monitor.docker;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.coreswarm.api.health.SwarmFlavour;

/** The {@link SwarmProbe} of each {@link SwarmFlavour}: exactly one per flavour, checked at start-up. */
@ApplicationScoped
public class SwarmProbes {
    private final Map<SwarmFlavour, SwarmProbe> byFlavour = new EnumMap<>(SwarmFlavour.class);

    @Inject
    SwarmProbes(Instance<SwarmProbe> all) {
        this((Iterable<SwarmProbe>) all);
    }

    SwarmProbes(Iterable<SwarmProbe> all) {
        for (SwarmProbe probe : all) {
            SwarmProbe before = byFlavour.put(probe.flavour(), probe);
            if (before != null) {
                throw new IllegalStateException("two swarm probes for " + probe.flavour() + ": "
                        + before.getClass().getSimpleName() + " and " + probe.getClass().getSimpleName());
            }
        }
        Arrays.stream(SwarmFlavour.values()).filter(f -> !byFlavour.containsKey(f)).findFirst().ifPresent(f -> {
            throw new IllegalStateException("no swarm probe for " + f);
        });
    }

    public SwarmProbe of(SwarmFlavour flavour) {
        return byFlavour.get(flavour);
    }
}
