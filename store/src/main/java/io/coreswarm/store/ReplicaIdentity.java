package io.coreswarm.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import io.coreswarm.api.replica.ServiceName;

/** Who this process is among its service's replicas: id, service, address, host, start time. */
@ApplicationScoped
public class ReplicaIdentity {
    private final ReplicaConfig config;
    private final ServiceName service;
    private final String host;
    private final Instant startedAt = Instant.now();
    private volatile String id;
    private volatile String address;

    @Inject
    ReplicaIdentity(ReplicaConfig config) {
        this.config = config;
        this.service = ServiceName.of(setting("quarkus.application.name", "coreswarm"));
        this.host = hostName();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String setting(String name, String otherwise) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(otherwise);
    }

    /**
     * The port served, read at first use rather than at creation: under {@code @QuarkusTest} a
     * random test port is known only once the server listens.
     */
    private static String port() {
        boolean test = "test".equals(setting("quarkus.profile", "prod"));
        return test ? setting("quarkus.http.test-port", "8081") : setting("quarkus.http.port", "8080");
    }

    public String id() {
        if (id == null) {
            id = config.id().orElse(host + ":" + port());
        }
        return id;
    }

    public ServiceName service() {
        return service;
    }

    public String address() {
        if (address == null) {
            String httpHost = setting("quarkus.http.host", "127.0.0.1");
            String reachable = "0.0.0.0".equals(httpHost) || "::".equals(httpHost) ? host : httpHost;
            address = config.advertisedUrl().orElse("http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port());
        }
        return address;
    }

    public String host() {
        return host;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
