package io.coreswarm.provisioner.operation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.operation.OperationState;
import io.coreswarm.provisioner.model.Owner;
import io.coreswarm.provisioner.workspace.Workspace;
import io.coreswarm.provisioner.workspace.Workspaces;

/**
 * Operation records in memory and in the cluster's workspace. At start-up an operation still
 * marked queued or running lost its process with the previous provisioner: it becomes
 * {@code interrupted}.
 */
final class FileOperationRecords implements OperationRecords {
    private static final Logger LOG = Logger.getLogger(FileOperationRecords.class);
    private final Workspaces workspaces;
    private final Supplier<Owner> self;
    private final Map<String, Operation> byId = new ConcurrentHashMap<>();

    FileOperationRecords(Workspaces workspaces, Supplier<Owner> self) {
        this.workspaces = workspaces;
        this.self = self;
        for (Workspace w : workspaces.all()) {
            for (Path file : records(w)) {
                workspaces.read(file, Operation.class).ifPresent(op -> {
                    if (!op.state().finished()) {
                        LOG.infof("operation %s (%s of %s) was %s when the provisioner stopped: interrupted", op.id(), op.kind(), op.cluster(), op.state());
                        op = Operations.interrupted(op);
                        workspaces.write(file, op);
                    }
                    byId.put(op.id(), op);
                });
            }
        }
    }

    private static List<Path> records(Workspace w) {
        if (!Files.isDirectory(w.operations())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(w.operations())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Optional<OwnedOperation> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(op -> new OwnedOperation(self.get(), op));
    }

    @Override
    public List<Operation> list(String cluster) {
        return byId.values().stream().filter(op -> cluster == null || op.cluster().equals(cluster)).toList();
    }

    @Override
    public void save(Operation op) {
        byId.put(op.id(), op);
        Workspace w = workspaces.of(op.cluster());
        if (Files.isDirectory(w.root())) {
            workspaces.write(w.operationRecord(op.id()), op);
        }
    }
}
