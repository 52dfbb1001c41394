package io.coreswarm.cli.client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.coreswarm.api.replica.ServiceName;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The REST clients of one command run. Calls answered at once get short timeouts, so a service
 * that hangs is reported as unreachable (exit 5) rather than waited on; streams (an operation's
 * log, live events) and uploads get long ones.
 */
public final class Services {
    static final Duration CONNECT = Duration.ofSeconds(3);
    static final Duration READ = Duration.ofSeconds(60);
    /** A followed log or event stream; an operation never runs this long (its own timeouts are shorter). */
    static final Duration STREAM = Duration.ofHours(12);

    private final URI config;
    private final URI provisioner;
    private final URI monitor;
    private final Optional<ApiToken> token;

    Services(URI config, URI provisioner, URI monitor, Optional<ApiToken> token) {
        this.config = config;
        this.provisioner = provisioner;
        this.monitor = monitor;
        this.token = token;
    }

    public ProvisionerClusters clusters() {
        return build(provisioner, ProvisionerClusters.class, READ);
    }

    public ProvisionerOperations operations() {
        return build(provisioner, ProvisionerOperations.class, READ);
    }

    /** For following a log: the stream stays open as long as the operation runs. */
    public ProvisionerOperations operationStreams() {
        return build(provisioner, ProvisionerOperations.class, STREAM);
    }

    public ProvisionerImages images() {
        return build(provisioner, ProvisionerImages.class, STREAM);
    }

    public ProvisionerCerts certs() {
        return build(provisioner, ProvisionerCerts.class, READ);
    }

    public ProvisionerRegenerateCerts regenerateCerts() {
        return build(provisioner, ProvisionerRegenerateCerts.class, READ);
    }

    public ConfigRenderings renderings() {
        return build(config, ConfigRenderings.class, READ);
    }

    public ConfigValidations validations() {
        return build(config, ConfigValidations.class, READ);
    }

    public MonitorHealth health() {
        return build(monitor, MonitorHealth.class, READ);
    }

    public MonitorHealth healthStreams() {
        return build(monitor, MonitorHealth.class, STREAM);
    }

    public MonitorTargets targets() {
        return build(monitor, MonitorTargets.class, READ);
    }

    /** {@code service}'s replicas, asked of the replica at that service's URL. */
    public ServiceReplicas replicas(ServiceName service) {
        URI base = switch (service) {
            case CONFIG_SERVICE -> config;
            case PROVISIONER_SERVICE -> provisioner;
            case MONITOR_SERVICE -> monitor;
        };
        return build(base, ServiceReplicas.class, READ);
    }

    private <T> T build(URI base, Class<T> api, Duration read) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(CONNECT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS)
                .register(new ProblemResponses());
        token.ifPresent(t -> builder.register(new BearerToken(t)));
        return builder.build(api);
    }
}
