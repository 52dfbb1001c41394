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

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.pki.PkiException;

/**
 * The watched targets, one JSON file each under {@code <data-dir>/targets}, so that they survive
 * a restart. Files are replaced whole (written aside, then moved), never left half-written. A
 * target's TLS files are in its own folder beside it ({@link TargetTlsFiles}); its JSON carries the
 * certificates but never the key, which is read back from {@code key.pem} (0600) at start.
 */
public class TargetStore implements TargetCatalog {
    private static final Logger LOG = Logger.getLogger(TargetStore.class);
    private final Path dir;
    private final ObjectMapper json;
    private final Map<String, MonitorTarget> targets = new ConcurrentHashMap<>();
    private final TargetTlsFiles tls;

    private final TargetPolicy policy;

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
        this.tls = new TargetTlsFiles(dir);
        load();
    }

    @Override
    public List<MonitorTarget> all() {
        return targets.values().stream().sorted(Comparator.comparing(MonitorTarget::name)).toList();
    }

    @Override
    public Optional<MonitorTarget> find(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    public Path dir() {
        return dir;
    }

    /** The folder of a target's TLS files ({@code ca.pem}, {@code cert.pem}, {@code key.pem}), for its clients. */
    @Override
    public Path tlsDir(String name) {
        return tls.dir(name);
    }

    /**
     * Stores a target; true if it is new. Its TLS files are written before its JSON (which says
     * that it has TLS) and removed after the JSON that says it has none: a crash in between leaves
     * the old JSON with files that {@link #load()} checks, or files no JSON claims, which it removes.
     */
    private static MonitorTarget withoutKey(MonitorTarget t) {
        return t.tls() == null ? t
                : new MonitorTarget(t.name(), t.dockerEndpoints(), t.etcdEndpoints(), t.swarm(), t.etcdApi(), t.workloads(),
                        t.tls().withoutKey());
    }

    @Override
    public synchronized boolean put(MonitorTarget target) {
        MonitorTarget stored = target;
        if (target.tls() != null) {
            stored = new MonitorTarget(target.name(), target.dockerEndpoints(), target.etcdEndpoints(), target.swarm(),
                    target.etcdApi(), target.workloads(), tls.write(target.name(), target.tls()));
        }
        try {
            Files.createDirectories(dir);
            Path file = file(target.name());
            Path aside = dir.resolve("." + target.name() + ".json.tmp");
            // the file gets the certificates, never the key (that is in the 0600 key.pem only)
            json.writerWithDefaultPrettyPrinter().writeValue(aside.toFile(), withoutKey(stored));
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store target " + target.name() + " in " + dir, e);
        }
        if (target.tls() == null) {
            tls.remove(target.name());
        }
        return targets.put(target.name(), stored) == null;
    }

    /** Removes a target with its TLS files; false if there was none. */
    @Override
    public synchronized boolean remove(String name) {
        boolean known = targets.remove(name) != null;
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove target " + name + " from " + dir, e);
        }
        tls.remove(name);
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
            return "an etcd endpoint is not http(s)://host:port";
        }
        if (t.tls() == null && etcd.stream().anyMatch(e -> e.startsWith("https:"))) {
            return "an https etcd endpoint without tls";
        }
        try {
            policy.check(new MonitorTarget(t.name(), docker, etcd, t.swarm(), t.etcdApi()));
            return null;
        } catch (io.coreswarm.api.problem.ProblemException e) {
            return e.getMessage();
        }
    }

    /**
     * A file that cannot be read is logged and skipped: one bad file must not stop the monitor. So
     * is a target whose TLS files are missing or do not belong together; TLS files that no target's
     * JSON claims (a crash between the two) are removed.
     */
    private void load() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith("."))
                    .forEach(this::load);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read targets from " + dir, e);
        }
        try (Stream<Path> folders = Files.list(dir)) {
            folders.filter(f -> Files.isDirectory(f.resolve(TargetTlsFiles.TLS_DIR))).map(f -> f.getFileName().toString())
                    .filter(name -> !Files.exists(file(name)))
                    .forEach(tls::remove);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read targets from " + dir, e);
        }
    }

    private void load(Path f) {
        MonitorTarget t;
        try {
            t = json.readValue(f.toFile(), MonitorTarget.class);
        } catch (IOException e) {
            LOG.warnf("skipping unreadable target file %s: %s", f, e.getMessage());
            return;
        }
        String expected = f.getFileName().toString().replaceFirst("\\.json$", "");
        String refused = refused(t);
        if (refused != null) {
            LOG.warnf("skipping %s: %s; PUT it again with endpoints the monitor may reach", f, refused);
        } else if (!expected.equals(t.name())) {
            LOG.warnf("skipping %s: it holds target %s", f, t.name());
        } else if (t.tls() == null) {
            // files of a TLS the last PUT dropped, if a crash kept them
            tls.remove(t.name());
            targets.put(t.name(), t);
        } else {
            try {
                targets.put(t.name(), new MonitorTarget(t.name(), t.dockerEndpoints(), t.etcdEndpoints(), t.swarm(), t.etcdApi(),
                        t.workloads(), tls.read(t.name())));
            } catch (PkiException | UncheckedIOException e) {
                // PkiException names files, never their content
                LOG.warnf("skipping %s: its TLS files cannot be used (%s); PUT it again with its tls", f, e.getMessage());
            }
        }
    }
}
