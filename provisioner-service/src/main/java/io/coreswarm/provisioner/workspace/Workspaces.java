package io.coreswarm.provisioner.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.provisioner.ProvisionerConfig;

/** The folder of all workspaces, and reading and writing the JSON records in them. */
@ApplicationScoped
public class Workspaces {
    private final Path root;
    private final ObjectMapper json;

    @Inject
    Workspaces(ProvisionerConfig config, ObjectMapper json) {
        this(config.workspaces(), json);
    }

    /** Workspaces under {@code root}, records written with {@code json} (which must know java.time). */
    public Workspaces(Path root, ObjectMapper json) {
        this.root = root.toAbsolutePath();
        this.json = json;
    }

    public Workspace of(String cluster) {
        return new Workspace(root.resolve(cluster));
    }

    /** The workspaces that hold a cluster record; a folder without one is debris of a failed start. */
    public List<Workspace> all() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(Workspace::new).filter(w -> Files.exists(w.clusterRecord())).sorted(Comparator.comparing(Workspace::root)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file, Object record) {
        try {
            Workspace.writeAtomically(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(Workspace workspace) {
        if (!Files.exists(workspace.root())) {
            return;
        }
        try (Stream<Path> files = Files.walk(workspace.root())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
