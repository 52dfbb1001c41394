package io.coreswarm.provisioner.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;

import io.coreswarm.api.problem.Problem;
import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.provisioner.ProvisionerConfig;

/**
 * What a spec may ask of the machine it runs on, checked at create and at scale before anything
 * is rendered or written (ClusterSpecRules in api-contracts keeps the rules that need no host):
 * <ul>
 * <li>{@code nodes × memory} at most the host's memory less {@code host-memory-reserve-mb};</li>
 * <li>{@code cpus} at most the host's CPUs;</li>
 * <li>{@code nodes × cpus} at most {@code cpu-overcommit} times the host's CPUs.</li>
 * </ul>
 * The host is the dockerd the local target's containers run on ({@code docker info}'s MemTotal and
 * NCPU); for VM providers, or when that dockerd does not answer, this machine ({@code /proc/meminfo},
 * its processors). Other clusters are not counted: node memory and CPUs are limits, not reservations.
 */
@ApplicationScoped
public class HostCapacity {
    private static final Logger LOG = Logger.getLogger(HostCapacity.class);
    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+) kB");

    private final String dockerHost;
    private final long reserveMb;
    private final int cpuOvercommit;

    @jakarta.inject.Inject
    HostCapacity(ProvisionerConfig config) {
        this(config.dockerHost(), config.hostMemoryReserveMb(), config.cpuOvercommit());
    }

    HostCapacity(String dockerHost, long reserveMb, int cpuOvercommit) {
        this.dockerHost = dockerHost;
        this.reserveMb = reserveMb;
        this.cpuOvercommit = cpuOvercommit;
    }

    /** The host's memory and CPUs, and where they were read. */
    record Host(long memoryMb, int cpus, String source) {
    }

    /**
     * A 400 problem naming the field and the rule when the spec asks more than the host has.
     *
     * @param totalsField the field the totals are blamed on: {@code nodes} at scale (the change
     *                    asked for), {@code memory} and {@code cpus} at create
     */
    public void check(ClusterSpec spec, String totalsField) {
        Host host = host(spec.provider());
        List<Problem.Violation> violations = new ArrayList<>();
        long memoryLimit = host.memoryMb() - reserveMb;
        long memory = (long) spec.nodes() * spec.memory();
        if (memory > memoryLimit) {
            violations.add(new Problem.Violation(totalsField == null ? "memory" : totalsField,
                    "nodes × memory (" + spec.nodes() + " × " + spec.memory() + " MB = " + memory + " MB) must be at most "
                            + Math.max(memoryLimit, 0) + " MB: the host's " + host.memoryMb() + " MB (" + host.source()
                            + ") less a reserve of " + reserveMb + " MB"));
        }
        if (spec.cpus() > host.cpus()) {
            violations.add(new Problem.Violation("cpus", "must be at most " + host.cpus() + ", the host's CPUs (" + host.source() + ")"));
        }
        long cpus = (long) spec.nodes() * spec.cpus();
        long cpuLimit = (long) cpuOvercommit * host.cpus();
        if (cpus > cpuLimit) {
            violations.add(new Problem.Violation(totalsField == null ? "cpus" : totalsField,
                    "nodes × cpus (" + spec.nodes() + " × " + spec.cpus() + " = " + cpus + ") must be at most " + cpuLimit + ": "
                            + cpuOvercommit + " × the host's " + host.cpus() + " CPUs (" + host.source() + ")"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
    }

    Host host(Provider provider) {
        if (provider == Provider.DOCKER) {
            try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, null)) {
                Info info = docker.infoCmd().exec();
                if (info.getMemTotal() != null && info.getMemTotal() > 0 && info.getNCPU() != null && info.getNCPU() > 0) {
                    return new Host(info.getMemTotal() / (1024 * 1024), info.getNCPU(), "docker info");
                }
            } catch (IOException | RuntimeException e) {
                LOG.debugf("docker info unavailable, sizing by this machine: %s", e.getMessage());
            }
        }
        return new Host(thisMachineMemoryMb(), Runtime.getRuntime().availableProcessors(), "this machine");
    }

    private static long thisMachineMemoryMb() {
        try {
            Matcher m = MEM_TOTAL.matcher(Files.readString(Path.of("/proc/meminfo")));
            if (m.find()) {
                return Long.parseLong(m.group(1)) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the JVM's view below
        }
        try {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return os.getTotalMemorySize() / (1024 * 1024);
        } catch (RuntimeException e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
