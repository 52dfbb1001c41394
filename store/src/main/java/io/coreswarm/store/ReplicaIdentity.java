package io.coreswarm.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.coreswarm.api.replica.ServiceName;

/** Who this process is among its service's replicas: id, service, address, host, start time. */
@ApplicationScoped
public class ReplicaIdentity {
    private final String id;
    private final ServiceName service;
    private final String address;
    private final String host;
    private final Instant startedAt = Instant.now();

    @Inject
    ReplicaIdentity(ReplicaConfig config, @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1") String httpHost,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort,
            @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort,
            @ConfigProperty(name = "quarkus.profile", defaultValue = "prod") String profile) {
        this.service = ServiceName.of(application);
        this.host = hostName();
        // under @QuarkusTest the test port is the one served (0: a random one, not known here)
        int port = "test".equals(profile) ? testPort : httpPort;
        String reachable = "0.0.0.0".equals(httpHost) || "::".equals(httpHost) ? host : httpHost;
        this.address = config.advertisedUrl().orElse("http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port);
        this.id = config.id().orElse(host + ":" + port);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public String id() {
        return id;
    }

    public ServiceName service() {
        return service;
    }

    public String address() {
        return address;
    }

    public String host() {
        return host;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
