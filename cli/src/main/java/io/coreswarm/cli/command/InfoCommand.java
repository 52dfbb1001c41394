package io.coreswarm.cli.command;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** monitor-service's {@code GET /v1/clusters/{name}/info}, printed as it comes. */
@RegisterForReflection
@Command(name = "info", description = "Show a cluster as `docker info` on a classic swarm manager shows it.")
class InfoCommand extends ServiceCommand {

    @Parameters(paramLabel = "NAME", description = "the cluster")
    String name;

    @Override
    public Integer call() {
        String text = services().health().info(name);
        out().print(text.endsWith("\n") ? text : text + "\n");
        out().flush();
        return 0;
    }
}
