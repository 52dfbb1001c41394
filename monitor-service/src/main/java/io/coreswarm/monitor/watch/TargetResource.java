package io.coreswarm.monitor.watch;

import java.util.List;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.TargetApi;

public class TargetResource implements TargetApi {
    private final Targets targets;

    TargetResource(Targets targets) {
        this.targets = targets;
    }

    @Override
    public List<MonitorTarget> list() {
        return targets.all();
    }

    @Override
    public MonitorTarget get(String name) {
        return targets.get(name);
    }

    @Override
    public MonitorTarget put(String name, MonitorTarget body) {
        return targets.put(name, body);
    }

    @Override
    public void delete(String name) {
        targets.remove(name);
    }
}
