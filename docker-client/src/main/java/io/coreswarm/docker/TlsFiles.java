package io.coreswarm.docker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Docker client's TLS files, in one directory as {@code DOCKER_CERT_PATH} and docker-machine's
 * machine folders hold them: {@code ca.pem} (the engines' CA), {@code cert.pem} and {@code key.pem}
 * (the client's certificate and key).
 */
public record TlsFiles(Path directory) {

    public TlsFiles {
        Objects.requireNonNull(directory, "directory");
    }

    public Path ca() {
        return directory.resolve("ca.pem");
    }

    public Path cert() {
        return directory.resolve("cert.pem");
    }

    public Path key() {
        return directory.resolve("key.pem");
    }
}
