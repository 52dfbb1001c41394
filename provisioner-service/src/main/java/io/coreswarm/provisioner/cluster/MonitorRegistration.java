package io.coreswarm.provisioner.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.api.health.TargetTls;
import io.coreswarm.pki.PkiLayout;
import io.coreswarm.provisioner.clients.MonitorClient;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps monitor-service's targets in step with the clusters: a created cluster is registered, a
 * destroyed one removed, and each workload check told again (a failed one makes the cluster
 * DEGRADED there). monitor-service being down never fails an operation: what could not be
 * said is retried on a schedule (and everything is said again after a restart).
 */
@ApplicationScoped
public class MonitorRegistration {
    private static final Logger LOG = Logger.getLogger(MonitorRegistration.class);
    private final MonitorClient monitor;
    /** cluster name to the target to PUT, or null to DELETE */
    private final Map<String, java.util.Optional<MonitorTarget>> pending = new ConcurrentHashMap<>();

    MonitorRegistration(@RestClient MonitorClient monitor, Clusters clusters) {
        this.monitor = monitor;
        try {
            // each replica registers the clusters it owns (with etcd the others are theirs to register)
            clusters.mine().forEach(c -> pending.put(c.name(), java.util.Optional.of(target(c))));
        } catch (io.coreswarm.store.StoreUnavailable e) {
            LOG.warnf("the clusters are not registered with monitor-service at start-up: %s", e.getMessage());
        }
    }

    public void register(ClusterRecord c) {
        pending.put(c.name(), java.util.Optional.of(target(c)));
        flush();
    }

    public void unregister(String cluster) {
        pending.put(cluster, java.util.Optional.empty());
        flush();
    }

    @Scheduled(every = "${coreswarm.provisioner.monitor-retry:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void flush() {
        pending.forEach((name, target) -> {
            try {
                if (target.isPresent()) {
                    monitor.put(name, target.get());
                } else {
                    monitor.delete(name);
                }
                pending.remove(name, target);
            } catch (jakarta.ws.rs.WebApplicationException e) {
                if (target.isEmpty() && e.getResponse().getStatus() == 404) {
                    pending.remove(name, target);
                } else {
                    LOG.debugf("monitor-service refused %s: %s", name, e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.debugf("monitor-service not told about %s yet: %s", name, e.getMessage());
            }
        });
    }

    static MonitorTarget target(ClusterRecord c) {
        return new MonitorTarget(c.name(),
                c.nodes().stream().map(n -> c.dockerHost(n.name())).toList(),
                c.nodes().stream().map(n -> c.etcdEndpoint(n.name())).toList(),
                SwarmFlavour.MODE, EtcdApi.V3, c.workloads(), tls(c));
    }

    /**
     * The client folder's files as PEM text (null for an open cluster, or one whose files are not
     * there yet: registered again by the create's last step). The key goes only to monitor-service,
     * whose contract never writes it back out.
     */
    static TargetTls tls(ClusterRecord c) {
        if (!c.tls()) {
            return null;
        }
        PkiLayout pki = c.pkiLayout();
        try {
            return new TargetTls(Files.readString(pki.clientCa()), Files.readString(pki.clientCertificate()),
                    Files.readString(pki.clientKey()));
        } catch (IOException e) {
            // the file's name only: never what was read
            LOG.debugf("%s: client certificate not readable (%s)", c.name(), e.getClass().getSimpleName());
            return null;
        }
    }
}
