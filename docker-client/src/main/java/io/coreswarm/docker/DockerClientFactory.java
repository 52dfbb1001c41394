package io.coreswarm.docker;

import java.net.URI;
import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import io.coreswarm.pki.ClientTls;

/**
 * docker-java clients over httpclient5 (as docker-machine's {@code mcndockerclient} makes them):
 * the host, the timeouts and the TLS files are parameters, and nothing else is taken from the
 * environment. docker-java's default config reads {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH},
 * {@code DOCKER_API_VERSION} and the current docker context of whoever runs the service; those
 * describe that user's own engine, never a node's, so each is set here explicitly.
 * <p>
 * The one factory of the platform: provisioner-service and monitor-service both connect through it.
 */
public final class DockerClientFactory {
    /** Calls in flight to one engine at once; more wait for a free connection. */
    static final int MAX_CONNECTIONS = 4;

    private DockerClientFactory() {
    }

    /**
     * @param host            {@code tcp://host:port} or {@code unix:///path}
     * @param connectTimeout  connecting to the engine; a dead host costs no more than this
     * @param responseTimeout one answer from the engine
     * @param tlsOrNull       the client's TLS files; null for a plain connection (TLS off, whatever the environment says)
     */
    public static DockerClient connect(String host, Duration connectTimeout, Duration responseTimeout, TlsFiles tlsOrNull) {
        DefaultDockerClientConfig config = config(host, tlsOrNull);
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(host))
                // the JDK's providers only: docker-java's own LocalDirectorySSLConfig registers BouncyCastle as
                // a security provider at run time, which a native image would have to know at build time
                .sslConfig(tlsOrNull == null ? null : () -> ClientTls.sslContext(tlsOrNull.directory()))
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .maxConnections(MAX_CONNECTIONS)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** As {@link #connect(String, Duration, Duration, TlsFiles)}, with the timeouts of a {@link Timeouts}. */
    public static DockerClient connect(String host, Timeouts timeouts, TlsFiles tlsOrNull) {
        return connect(host, timeouts.connect(), timeouts.response(), tlsOrNull);
    }

    static DefaultDockerClientConfig config(String host, TlsFiles tlsOrNull) {
        return DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                // a cert path set (even when TLS is off) keeps docker-java from taking the current context's TLS files
                .withDockerTlsVerify(tlsOrNull != null)
                .withDockerCertPath(tlsOrNull == null ? "" : tlsOrNull.directory().toString())
                // no API version pinned: the path carries none, so a 2016 classic swarm manager and a current engine both answer
                .withApiVersion(RemoteApiVersion.UNKNOWN_VERSION)
                .build();
    }
}
