package io.coreswarm.monitor.poll;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.github.dockerjava.api.DockerClient;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.TlsFiles;
import io.coreswarm.monitor.etcd.EtcdClients;
import io.coreswarm.monitor.targets.TargetCatalog;
import io.coreswarm.monitor.targets.TargetTlsRules;

/**
 * The clients of each target, kept from poll to poll (a jetcd client brings its own Vert.x and
 * gRPC channels; an httpclient5 pool its connections) and replaced when the target changes, its
 * TLS included (a new CA or client certificate makes new clients; old ones keep the files they read).
 */
@ApplicationScoped
public class TargetConnections {
    private static final Logger LOG = Logger.getLogger(TargetConnections.class);
    private final MonitorConfig config;
    private final TargetCatalog store;
    private final Map<String, Connection> open = new ConcurrentHashMap<>();

    TargetConnections(MonitorConfig config, TargetCatalog store) {
        this.config = config;
        this.store = store;
    }

    public Connection of(MonitorTarget target) {
        return open.compute(target.name(), (name, old) -> {
            if (old != null && old.target.equals(target)) {
                return old;
            }
            if (old != null) {
                old.close();
            }
            return new Connection(target, config, target.tls() == null ? null : store.tlsDir(name));
        });
    }

    public void close(String name) {
        Connection c = open.remove(name);
        if (c != null) {
            c.close();
        }
    }

    @PreDestroy
    void closeAll() {
        open.keySet().forEach(this::close);
    }

    /** One target's clients. */
    public static final class Connection {
        final MonitorTarget target;
        private final Map<String, DockerClient> docker = new LinkedHashMap<>();
        private final EtcdClients etcd;

        /** @param tlsDir the target's TLS files, null for none: then engines and etcd are spoken to in plain TCP */
        Connection(MonitorTarget target, MonitorConfig config, java.nio.file.Path tlsDir) {
            this.target = target;
            // with TLS files, every engine is spoken to over TLS (dockerd --tlsverify, 2376 by convention)
            TlsFiles dockerTls = tlsDir == null ? null : new TlsFiles(tlsDir);
            for (String endpoint : target.dockerEndpoints()) {
                docker.put(endpoint, DockerClientFactory.connect(endpoint, config.connectTimeout(), config.responseTimeout(), dockerTls));
            }
            etcd = new EtcdClients(target.etcdEndpoints(), config.connectTimeout(),
                    TargetTlsRules.etcdOverTls(target) ? tlsDir : null);
        }

        /** Endpoint to client, in the target's order. */
        public Map<String, DockerClient> docker() {
            return docker;
        }

        /** Built on first use: building a jetcd client starts threads. */
        public EtcdClients etcd() {
            return etcd;
        }

        synchronized void close() {
            etcd.close();
            for (DockerClient d : docker.values()) {
                try {
                    d.close();
                } catch (IOException e) {
                    LOG.debugf("closing a docker client of %s: %s", target.name(), e.getMessage());
                }
            }
        }
    }
}
