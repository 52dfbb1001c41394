package io.coreswarm.monitor.targets;

import java.util.ArrayList;
import java.util.List;

import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.api.problem.Problem;
import io.coreswarm.api.problem.ProblemException;

/**
 * What Bean Validation on {@link MonitorTarget} cannot say: the body's name must be the path's,
 * a target needs an endpoint, endpoints do not repeat, its TLS works ({@link TargetTlsRules}).
 * Fills in the defaults (mode, v3).
 */
public final class TargetRules {
    private TargetRules() {
    }

    public static MonitorTarget normalize(String name, MonitorTarget body) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (body.name() != null && !body.name().equals(name)) {
            violations.add(new Problem.Violation("name", "must be the name in the path (" + name + ") or be left out"));
        }
        List<String> docker = body.dockerEndpoints() == null ? List.of() : List.copyOf(body.dockerEndpoints());
        List<String> etcd = body.etcdEndpoints() == null ? List.of() : List.copyOf(body.etcdEndpoints());
        if (docker.isEmpty() && etcd.isEmpty()) {
            violations.add(new Problem.Violation("etcdEndpoints", "a target needs at least one endpoint, here or in dockerEndpoints"));
        }
        noRepeats("dockerEndpoints", docker, violations);
        noRepeats("etcdEndpoints", etcd, violations);
        TargetTlsRules.check(etcd, body.tls(), violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return new MonitorTarget(name, docker, etcd,
                body.swarm() == null ? SwarmFlavour.MODE : body.swarm(),
                body.etcdApi() == null ? EtcdApi.V3 : body.etcdApi(), body.workloads(), body.tls());
    }

    private static void noRepeats(String field, List<String> endpoints, List<Problem.Violation> violations) {
        for (int i = 0; i < endpoints.size(); i++) {
            int first = endpoints.indexOf(endpoints.get(i));
            if (first < i) {
                violations.add(new Problem.Violation(field + "[" + i + "]", "repeats " + field + "[" + first + "]"));
            }
        }
    }
}
