package io.coreswarm.provisioner.operation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.operation.OperationState;
import io.coreswarm.api.problem.NotFound;
import io.coreswarm.provisioner.workspace.Workspace;
import io.coreswarm.provisioner.workspace.Workspaces;

/**
 * Operation records, kept in memory and in the cluster's workspace. At start-up an operation
 * still marked queued or running lost its process with the previous provisioner: it becomes
 * {@code interrupted}.
 */
@ApplicationScoped
public class Operations {
    private static final Logger LOG = Logger.getLogger(Operations.class);
    private final Workspaces workspaces;
    private final Map<String, Operation> byId = new ConcurrentHashMap<>();

    Operations(Workspaces workspaces) {
        this.workspaces = workspaces;
        for (Workspace w : workspaces.all()) {
            for (Path file : records(w)) {
                workspaces.read(file, Operation.class).ifPresent(op -> {
                    if (!op.state().finished()) {
                        LOG.infof("operation %s (%s of %s) was %s when the provisioner stopped: interrupted", op.id(), op.kind(), op.cluster(), op.state());
                        op = op.withState(OperationState.INTERRUPTED).withFinishedAt(Instant.now())
                                .withError("the provisioner stopped while this operation ran");
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

    public Operation get(String id) {
        Operation op = byId.get(id);
        if (op == null) {
            throw new NotFound("no operation " + id);
        }
        return op;
    }

    public List<Operation> list(String cluster) {
        return byId.values().stream().filter(op -> cluster == null || op.cluster().equals(cluster))
                .sorted(Comparator.comparing(Operation::createdAt)).toList();
    }

    void save(Operation op) {
        byId.put(op.id(), op);
        Workspace w = workspaces.of(op.cluster());
        if (Files.isDirectory(w.root())) {
            workspaces.write(w.operationRecord(op.id()), op);
        }
    }

    synchronized Operation update(String id, UnaryOperator<Operation> change) {
        Operation updated = change.apply(get(id));
        save(updated);
        return updated;
    }

    public Path log(String id) {
        return workspaces.of(get(id).cluster()).operationLog(id);
    }
}
