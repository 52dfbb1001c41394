package io.coreswarm.cli.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.coreswarm.testsupport.ServiceReplica;

/**
 * A real service, started from its packaged jar (the reactor builds it before this module) on a
 * free port, with its state under {@code home} (CORESWARM_HOME: the service makes its API token file
 * there, where the CLI reads it, as on a user's machine).
 */
public final class ServiceProcess implements AutoCloseable {
    private static final AtomicInteger STARTED = new AtomicInteger();
    private final ServiceReplica replica;

    private ServiceProcess(ServiceReplica replica) {
        this.replica = replica;
    }

    /** Starts {@code module}'s jar with the properties {@code extra} ({@code key=value}); returns when it is ready. */
    public static ServiceProcess start(String module, Path home, String... extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String property : extra) {
            int eq = property.indexOf('=');
            properties.put(property.substring(0, eq), property.substring(eq + 1));
        }
        String id = properties.containsKey("coreswarm.replica.id") ? properties.remove("coreswarm.replica.id")
                : module + "-" + STARTED.incrementAndGet();
        ServiceReplica replica = new ServiceReplica(id, ServiceReplica.jarOf(module), properties).home(home).withoutTestToken();
        return new ServiceProcess(replica.start().awaitReady(Duration.ofSeconds(40)));
    }

    public String url() {
        return replica.url();
    }

    /** SIGKILL: the replica vanishes as a crashed host's would, without letting go of anything. */
    public void kill() {
        replica.kill();
    }

    @Override
    public void close() {
        replica.close();
    }
}
