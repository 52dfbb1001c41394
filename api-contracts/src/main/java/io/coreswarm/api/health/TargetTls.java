package io.coreswarm.api.health;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The TLS files a monitor target's engines and etcd members are reached with, as PEM text: the
 * cluster's CA certificate and a client certificate with its key (the files of
 * {@code GET /v1/clusters/{name}/certs}, docker-machine's {@code ca.pem}, {@code cert.pem},
 * {@code key.pem}). The key travels one way only, to the monitor: whatever the monitor stores or
 * answers is {@link #withoutKey()} (absent from the JSON), and {@link #toString()} names no key
 * material, so neither an answer nor a log line can carry it. (Not {@code @JsonProperty(access =
 * WRITE_ONLY)}: the provisioner's REST client, a Jackson writer, would then never send it, and
 * Quarkus REST's build-time serializers ignore the setting, so answers would carry it.)
 */
public record TargetTls(
        @NotNull(message = "must be the CA certificate in PEM")
        @Size(max = MAX_PEM, message = "must be at most " + MAX_PEM + " characters")
        @Pattern(regexp = CERTIFICATE, message = "must be one PEM certificate")
        String ca,

        @NotNull(message = "must be the client certificate in PEM")
        @Size(max = MAX_PEM, message = "must be at most " + MAX_PEM + " characters")
        @Pattern(regexp = CERTIFICATE, message = "must be one PEM certificate")
        String cert,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @NotNull(message = "must be the client key in PEM")
        @Size(max = MAX_PEM, message = "must be at most " + MAX_PEM + " characters")
        @Pattern(regexp = PRIVATE_KEY, message = "must be one PEM private key (PKCS#8, PKCS#1 or SEC 1)")
        String key) {

    /** An RSA 4096 certificate or key is about 3.3 KB of PEM. */
    public static final int MAX_PEM = 16384;
    static final String CERTIFICATE = "\\s*-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+-----END CERTIFICATE-----\\s*";
    static final String PRIVATE_KEY = "\\s*-----BEGIN (RSA |EC )?PRIVATE KEY-----[A-Za-z0-9+/=\\s]+-----END (RSA |EC )?PRIVATE KEY-----\\s*";

    /** The CA and certificate only: what is stored beside a target and shown. */
    public TargetTls withoutKey() {
        return new TargetTls(ca, cert, null);
    }

    @Override
    public String toString() {
        return "TargetTls[ca, cert, key: " + (key == null ? "absent" : "set") + "]";
    }
}
