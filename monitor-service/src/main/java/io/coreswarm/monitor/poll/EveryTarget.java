package io.coreswarm.monitor.poll;

import java.util.List;
import java.util.Set;

import io.coreswarm.api.health.MonitorTarget;

/** The one replica of the files store polls every target. */
final class EveryTarget implements PollShare {

    @Override
    public Split split(List<MonitorTarget> all) {
        return new Split(all, Set.of(), Set.of());
    }

    @Override
    public boolean holds(String name) {
        return true;
    }
}
