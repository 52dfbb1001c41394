package io.coreswarm.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.core.RemoteApiVersion;

/**
 * The settings docker-java's default config takes from the environment describe the user's own
 * engine, never a node's: with all of them set (docker-java reads system properties as it reads
 * the environment), a client still connects in plain TCP, unpinned, to the host it is given.
 */
class DockerClientFactoryTest {
    static final Map<String, String> LEAKY = Map.of(
            DefaultDockerClientConfig.DOCKER_HOST, "tcp://127.0.0.1:9",
            DefaultDockerClientConfig.DOCKER_TLS_VERIFY, "1",
            DefaultDockerClientConfig.DOCKER_CERT_PATH, "/nonexistent/docker-certs",
            DefaultDockerClientConfig.API_VERSION, "1.24");

    @Test
    void tlsIsOffAndNothingIsPinnedWhateverTheEnvironmentSays() throws Exception {
        withProperties(LEAKY, () -> {
            DefaultDockerClientConfig config = DockerClientFactory.config("tcp://127.0.0.1:1", null);
            assertNull(config.getSSLConfig(), "TLS off unless TLS files are given");
            assertEquals("tcp://127.0.0.1:1", config.getDockerHost().toString());
            assertEquals(RemoteApiVersion.UNKNOWN_VERSION, config.getApiVersion());

            // and the client really talks plain TCP to the host given: a closed port refuses it
            try (DockerClient docker = DockerClientFactory.connect("tcp://127.0.0.1:1", Duration.ofSeconds(1),
                    Duration.ofSeconds(2), null)) {
                RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                        () -> docker.pingCmd().exec());
                Throwable root = refused;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                assertInstanceOf(java.net.ConnectException.class, root, "refused in plain TCP: " + refused);
            }
        });
    }

    @Test
    void tlsFilesTurnTlsOnWithTheirDirectory() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "docker-certs-");
        TlsFiles tls = new TlsFiles(dir);
        assertEquals(dir.resolve("ca.pem"), tls.ca());
        withProperties(LEAKY, () -> {
            DefaultDockerClientConfig config = DockerClientFactory.config("tcp://127.0.0.1:2376", tls);
            assertInstanceOf(LocalDirectorySSLConfig.class, config.getSSLConfig());
            assertEquals(dir.toString(), ((LocalDirectorySSLConfig) config.getSSLConfig()).getDockerCertPath());
        });
    }

    interface Body {
        void run() throws Exception;
    }

    static void withProperties(Map<String, String> set, Body body) throws Exception {
        Map<String, String> before = new java.util.HashMap<>();
        set.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        try {
            set.forEach(System::setProperty);
            body.run();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
