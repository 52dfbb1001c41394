package io.coreswarm.monitor.watch;

import java.util.List;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.TargetApi;
import io.coreswarm.api.health.TargetTls;

/**
 * The targets over HTTP. What it answers never holds a TLS key: the key is dropped here, before
 * any serializer sees the target.
 */
public class TargetResource implements TargetApi {
    private final Targets targets;

    TargetResource(Targets targets) {
        this.targets = targets;
    }

    @Override
    public List<MonitorTarget> list() {
        return targets.all().stream().map(TargetResource::shown).toList();
    }

    @Override
    public MonitorTarget get(String name) {
        return shown(targets.get(name));
    }

    @Override
    public MonitorTarget put(String name, MonitorTarget body) {
        return shown(targets.put(name, body));
    }

    @Override
    public void delete(String name) {
        targets.remove(name);
    }

    /** The target without its TLS key. */
    static MonitorTarget shown(MonitorTarget t) {
        if (t.tls() == null) {
            return t;
        }
        return new MonitorTarget(t.name(), t.dockerEndpoints(), t.etcdEndpoints(), t.swarm(), t.etcdApi(), t.workloads(),
                t.tls().withoutKey());
    }
}
