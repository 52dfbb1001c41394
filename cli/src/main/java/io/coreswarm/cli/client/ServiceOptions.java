package io.coreswarm.cli.client;

import java.net.URI;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Option;

/** Where the services are: flags, else the environment, else this host's default ports. */
@RegisterForReflection
public class ServiceOptions {

    @Option(names = "--config-url", paramLabel = "URL", defaultValue = "${env:CORESWARM_CONFIG_URL:-http://127.0.0.1:8081}",
            description = "config-service (env CORESWARM_CONFIG_URL; default ${DEFAULT-VALUE})")
    URI configUrl;

    @Option(names = "--provisioner-url", paramLabel = "URL", defaultValue = "${env:CORESWARM_PROVISIONER_URL:-http://127.0.0.1:8082}",
            description = "provisioner-service (env CORESWARM_PROVISIONER_URL; default ${DEFAULT-VALUE})")
    URI provisionerUrl;

    @Option(names = "--monitor-url", paramLabel = "URL", defaultValue = "${env:CORESWARM_MONITOR_URL:-http://127.0.0.1:8083}",
            description = "monitor-service (env CORESWARM_MONITOR_URL; default ${DEFAULT-VALUE})")
    URI monitorUrl;

    public Services services() {
        return new Services(configUrl, provisionerUrl, monitorUrl, ApiToken.resolve(System.getenv()));
    }
}
