package io.coreswarm.provisioner.operation;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.provisioner.workspace.Workspaces;

/** Operations and workspaces in a temporary folder, without Quarkus. */
final class Fixture {
    final Workspaces workspaces;
    final Operations operations;

    Fixture(Path root) {
        workspaces = new Workspaces(root, new ObjectMapper().findAndRegisterModules());
        operations = new Operations(workspaces);
    }

    OperationContext context(String cluster, String id) {
        return new OperationContext(operations, workspaces.of(cluster), id);
    }
}
