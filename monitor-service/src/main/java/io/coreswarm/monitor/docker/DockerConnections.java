package io.coreswarm.monitor.docker;

import java.net.URI;
import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

/**
 * docker-java clients over httpclient5 with short timeouts: a monitor asks often and must learn
 * quickly that an engine is gone, rather than wait on it.
 */
public final class DockerConnections {
    private DockerConnections() {
    }

    public static DockerClient connect(String dockerHost, Duration connectTimeout, Duration responseTimeout) {
        // no API version pinned: the path carries none, so a 2016 classic swarm manager and a current engine both answer
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost).withDockerTlsVerify(false).build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(dockerHost))
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .maxConnections(4)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
