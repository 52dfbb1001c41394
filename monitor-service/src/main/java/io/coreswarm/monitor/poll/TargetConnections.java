package io.coreswarm.monitor.poll;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.github.dockerjava.api.DockerClient;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.monitor.docker.DockerConnections;
import io.etcd.jetcd.Client;

/**
 * The clients of each target, kept from poll to poll (a jetcd client brings its own Vert.x and
 * gRPC channels; an httpclient5 pool its connections) and replaced when the target changes.
 */
@ApplicationScoped
public class TargetConnections {
    private static final Logger LOG = Logger.getLogger(TargetConnections.class);
    private final MonitorConfig config;
    private final Map<String, Connection> open = new ConcurrentHashMap<>();

    TargetConnections(MonitorConfig config) {
        this.config = config;
    }

    public Connection of(MonitorTarget target) {
        return open.compute(target.name(), (name, old) -> {
            if (old != null && old.target.equals(target)) {
                return old;
            }
            if (old != null) {
                old.close();
            }
            return new Connection(target, config);
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
        private final MonitorConfig config;
        private final Map<String, DockerClient> docker = new LinkedHashMap<>();
        private Client etcd;
        private HttpClient http;

        Connection(MonitorTarget target, MonitorConfig config) {
            this.target = target;
            this.config = config;
            for (String endpoint : target.dockerEndpoints()) {
                docker.put(endpoint, DockerConnections.connect(endpoint, config.connectTimeout(), config.responseTimeout()));
            }
        }

        /** Endpoint to client, in the target's order. */
        public Map<String, DockerClient> docker() {
            return docker;
        }

        /** Built on first use: building one starts threads. */
        public synchronized Client etcd() {
            if (etcd == null) {
                // fail a call at once on a dead member instead of waiting for it to come back
                etcd = Client.builder().endpoints(target.etcdEndpoints().toArray(String[]::new))
                        .connectTimeout(config.connectTimeout()).waitForReady(false).build();
            }
            return etcd;
        }

        public synchronized HttpClient http() {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
            }
            return http;
        }

        synchronized void close() {
            if (etcd != null) {
                etcd.close();
            }
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
