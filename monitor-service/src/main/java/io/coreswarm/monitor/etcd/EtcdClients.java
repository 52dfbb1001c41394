package io.coreswarm.monitor.etcd;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.coreswarm.pki.ClientTls;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.Client;

/**
 * The clients of one target's etcd, kept from poll to poll and closed together: a jetcd client
 * (v3; it brings its own Vert.x and gRPC channels) and an HTTP client (v2). Each is built on first
 * use, so a target only ever has the one its API needs. With TLS files (https endpoints) both trust
 * the target's CA only and present its client certificate, as {@code etcdctl --cacert --cert --key} does.
 */
public final class EtcdClients implements AutoCloseable {
    private final List<String> endpoints;
    private final Duration connectTimeout;
    private final Path tlsDir;
    private Client jetcd;
    private HttpClient http;

    /** Plain http endpoints. */
    public EtcdClients(List<String> endpoints, Duration connectTimeout) {
        this(endpoints, connectTimeout, null);
    }

    /**
     * @param tlsDirOrNull a folder of {@code ca.pem}, {@code cert.pem}, {@code key.pem}
     *                     ({@link ClientTls}) for https endpoints; null for http ones
     */
    public EtcdClients(List<String> endpoints, Duration connectTimeout, Path tlsDirOrNull) {
        this.endpoints = List.copyOf(endpoints);
        this.connectTimeout = connectTimeout;
        this.tlsDir = tlsDirOrNull;
    }

    /** The target's client URLs, in its order. */
    public List<String> endpoints() {
        return endpoints;
    }

    public synchronized Client jetcd() {
        if (jetcd == null) {
            // fail a call at once on a dead member instead of waiting for it to come back
            ClientBuilder builder = Client.builder().endpoints(endpoints.toArray(String[]::new))
                    .connectTimeout(connectTimeout).waitForReady(false);
            if (tlsDir != null) {
                // also used for the channel to each member that Status opens (statusMember)
                builder.sslContext(ClientTls.jetcd(tlsDir));
            }
            jetcd = builder.build();
        }
        return jetcd;
    }

    public synchronized HttpClient http() {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
            if (tlsDir != null) {
                builder.sslContext(ClientTls.sslContext(tlsDir));
            }
            http = builder.build();
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
