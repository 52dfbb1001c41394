package io.coreswarm.monitor.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.monitor.MonitorConfig;

/**
 * The watched targets, one JSON file each under {@code <data-dir>/targets}, so that they survive
 * a restart. Files are replaced whole (written aside, then moved), never left half-written.
 */
@ApplicationScoped
public class TargetStore {
    private static final Logger LOG = Logger.getLogger(TargetStore.class);
    private final Path dir;
    private final ObjectMapper json;
    private final Map<String, MonitorTarget> targets = new ConcurrentHashMap<>();

    private final TargetPolicy policy;

    @Inject
    TargetStore(MonitorConfig config, ObjectMapper json) {
        this(config.dataDir().resolve("targets"), json,
                new TargetPolicy(config.maxEndpointsPerTarget(), config.allowedNetworks(), config.allowedHosts()));
    }

    TargetStore(Path dir, ObjectMapper json) {
        this(dir, json, null);
    }

    /** @param policy what a stored target must satisfy to be loaded (null: anything readable) */
    TargetStore(Path dir, ObjectMapper json, TargetPolicy policy) {
        this.dir = dir;
        this.json = json;
        this.policy = policy;
        load();
    }

    public List<MonitorTarget> all() {
        return targets.values().stream().sorted(Comparator.comparing(MonitorTarget::name)).toList();
    }

    public Optional<MonitorTarget> find(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    public Path dir() {
        return dir;
    }

    /** Stores a target; true if it is new. */
    public synchronized boolean put(MonitorTarget target) {
        try {
            Files.createDirectories(dir);
            Path file = file(target.name());
            Path aside = dir.resolve("." + target.name() + ".json.tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(aside.toFile(), target);
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store target " + target.name() + " in " + dir, e);
        }
        return targets.put(target.name(), target) == null;
    }

    /** Removes a target; false if there was none. */
    public synchronized boolean remove(String name) {
        boolean known = targets.remove(name) != null;
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove target " + name + " from " + dir, e);
        }
        return known;
    }

    private Path file(String name) {
        return dir.resolve(name + ".json");
    }

    /** Why a stored target (perhaps from before the endpoint rules) may not be loaded, or null. */
    private String refused(MonitorTarget t) {
        if (policy == null) {
            return null;
        }
        List<String> docker = t.dockerEndpoints() == null ? List.of() : t.dockerEndpoints();
        List<String> etcd = t.etcdEndpoints() == null ? List.of() : t.etcdEndpoints();
        if (!docker.stream().allMatch(e -> e != null && e.matches(MonitorTarget.DOCKER_ENDPOINT))) {
            return "a Docker endpoint is not tcp://host:port";
        }
        if (!etcd.stream().allMatch(e -> e != null && e.matches(MonitorTarget.ETCD_ENDPOINT))) {
            return "an etcd endpoint is not http://host:port";
        }
        try {
            policy.check(new MonitorTarget(t.name(), docker, etcd, t.swarm(), t.etcdApi()));
            return null;
        } catch (io.coreswarm.api.problem.ProblemException e) {
            return e.getMessage();
        }
    }

    /** A file that cannot be read is logged and skipped: one bad file must not stop the monitor. */
    private void load() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith("."))
                    .forEach(f -> {
                        try {
                            MonitorTarget t = json.readValue(f.toFile(), MonitorTarget.class);
                            String expected = f.getFileName().toString().replaceFirst("\\.json$", "");
                            String refused = refused(t);
                            if (refused != null) {
                                LOG.warnf("skipping %s: %s; PUT it again with endpoints the monitor may reach", f, refused);
                            } else if (expected.equals(t.name())) {
                                targets.put(t.name(), t);
                            } else {
                                LOG.warnf("skipping %s: it holds target %s", f, t.name());
                            }
                        } catch (IOException e) {
                            LOG.warnf("skipping unreadable target file %s: %s", f, e.getMessage());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read targets from " + dir, e);
        }
    }
}
