package io.coreswarm.monitor.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

/** {@code <dir>/<name>.json}, replaced whole (written aside, then moved). */
final class SeriesFiles implements SeriesStore {
    private static final Logger LOG = Logger.getLogger(SeriesFiles.class);
    private final Path dir;
    private final ObjectMapper json;

    SeriesFiles(Path dir, ObjectMapper json) {
        this.dir = dir;
        this.json = json;
    }

    @Override
    public void write(String cluster, Series.Saved saved) {
        try {
            Files.createDirectories(dir);
            Path aside = dir.resolve("." + cluster + ".json.tmp");
            json.writeValue(aside.toFile(), saved);
            Files.move(aside, file(cluster), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // memory still holds it; a full disk must not stop the monitor
            LOG.warnf("cannot write the history of %s to %s: %s", cluster, dir, e.getMessage());
        }
    }

    @Override
    public Optional<Series.Saved> read(String cluster) {
        Path file = file(cluster);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), Series.Saved.class));
        } catch (IOException e) {
            LOG.warnf("cannot read the history of %s from %s: %s", cluster, file, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void delete(String cluster) {
        try {
            Files.deleteIfExists(file(cluster));
        } catch (IOException e) {
            LOG.warnf("cannot remove the history of %s: %s", cluster, e.getMessage());
        }
    }

    @Override
    public boolean shared() {
        return false;
    }

    private Path file(String cluster) {
        return dir.resolve(cluster + ".json");
    }
}
