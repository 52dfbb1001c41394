package io.coreswarm.provisioner.vagrant;

import static io.coreswarm.provisioner.support.Processes.stopped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.coreswarm.provisioner.ProvisionerConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A vagrant command past its limit: the configured binary is a real script that starts a child
 * and waits for it, as vagrant waits for docker; both are stopped and the failure names the
 * command and the limit.
 */
class VagrantTimeoutTest {
    @TempDir
    Path tmp;

    /** The service's real configuration mapping, read from {@code properties} over its defaults. */
    static ProvisionerConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().addDefaultSources()
                // Quarkus's own duration syntax (30m, 2s), as the service reads it
                .withConverter(Duration.class, 200, new DurationConverter()).withMapping(ProvisionerConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(ProvisionerConfig.class);
    }

    @Test
    void eachKindHasItsOwnLimit() {
        Vagrant defaults = new Vagrant(config(Map.of()));
        assertEquals(Duration.ofMinutes(30), defaults.timeout("up"));
        assertEquals(Duration.ofMinutes(10), defaults.timeout("halt"));
        assertEquals(Duration.ofMinutes(15), defaults.timeout("destroy"));
        assertEquals(Duration.ofMinutes(2), defaults.timeout("status"));
        assertEquals(Duration.ofMinutes(10), defaults.timeout("reload"));
        Vagrant configured = new Vagrant(config(Map.of("coreswarm.provisioner.vagrant-timeouts.up", "45m")));
        assertEquals(Duration.ofMinutes(45), configured.timeout("up"));
    }

    @Test
    void aStatusPastItsLimitIsStoppedWithItsChildrenAndFailsNamingBoth() throws Exception {
        Path script = tmp.resolve("slow-vagrant");
        Files.writeString(script, "#!/bin/sh\nsleep 300 &\necho $! > \"$PWD/child.pid\"\nwait\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path machines = Files.createDirectories(tmp.resolve("machines"));
        Vagrant vagrant = new Vagrant(config(Map.of("coreswarm.provisioner.vagrant", script.toString(),
                "coreswarm.provisioner.vagrant-timeouts.status", "2s")));

        long start = System.nanoTime();
        VagrantFailure failure = assertThrows(VagrantFailure.class, () -> vagrant.status(machines));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals("vagrant status did not finish within 2s (coreswarm.provisioner.vagrant-timeouts); its processes were stopped",
                failure.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0 && took.toSeconds() < 20, took.toString());
        long child = Long.parseLong(Files.readString(machines.resolve("child.pid")).strip());
        assertTrue(stopped(child), "the child is stopped too");
    }
}
