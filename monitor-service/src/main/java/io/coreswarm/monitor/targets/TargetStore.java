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

    @Inject
    TargetStore(MonitorConfig config, ObjectMapper json) {
        this(config.dataDir().resolve("targets"), json);
    }

    TargetStore(Path dir, ObjectMapper json) {
        this.dir = dir;
        this.json = json;
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
                            if (expected.equals(t.name())) {
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
