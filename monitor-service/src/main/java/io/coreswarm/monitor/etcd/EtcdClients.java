package io.coreswarm.monitor.etcd;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import io.etcd.jetcd.Client;

/**
 * The clients of one target's etcd, kept from poll to poll and closed together: a jetcd client
 * (v3; it brings its own Vert.x and gRPC channels) and an HTTP client (v2). Each is built on first
 * use, so a target only ever has the one its API needs.
 */
public final class EtcdClients implements AutoCloseable {
    private final List<String> endpoints;
    private final Duration connectTimeout;
    private Client jetcd;
    private HttpClient http;

    public EtcdClients(List<String> endpoints, Duration connectTimeout) {
        this.endpoints = List.copyOf(endpoints);
        this.connectTimeout = connectTimeout;
    }

    /** The target's client URLs, in its order. */
    public List<String> endpoints() {
        return endpoints;
    }

    public synchronized Client jetcd() {
        if (jetcd == null) {
            // fail a call at once on a dead member instead of waiting for it to come back
            jetcd = Client.builder().endpoints(endpoints.toArray(String[]::new))
                    .connectTimeout(connectTimeout).waitForReady(false).build();
        }
        return jetcd;
    }

    public synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        }
        return http;
    }

    @Override
    public synchronized void close() {
        if (jetcd != null) {
            jetcd.close();
        }
    }
}
