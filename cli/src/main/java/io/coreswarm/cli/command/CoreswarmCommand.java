package io.coreswarm.cli.command;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code coreswarm}: the tree's root, which only names its commands. */
@RegisterForReflection
@Command(name = "coreswarm", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "coreswarm 0.1.0",
        description = "Multi-node etcd + Docker Swarm clusters through the coreswarm services.",
        subcommands = { CreateCommand.class, ListCommand.class, GetCommand.class, ScaleCommand.class, HaltCommand.class,
                ResumeCommand.class, RemoveCommand.class, LogsCommand.class, CancelCommand.class, EnvCommand.class,
                HealthCommand.class, InfoCommand.class, EventsCommand.class, ImagesCommand.class, CertsCommand.class,
                RegenerateCertsCommand.class,
                RenderCommand.class, ValidateCommand.class, ReplicasCommand.class, CompletionCommand.class },
        footerHeading = "%nExit codes:%n",
        footer = { "  0  done (with --wait, -f: the operation succeeded)",
                "  1  the operation failed or was cancelled; validate found errors; a server error",
                "  2  usage: a bad flag, file or request (400, 401, 413, 415)",
                "  3  not found (404)",
                "  4  conflict: busy, exists, or in the wrong state (409, 429)",
                "  5  a service is unreachable (or one behind it: 502, 503)",
                "",
                "Services: CORESWARM_CONFIG_URL, CORESWARM_PROVISIONER_URL, CORESWARM_MONITOR_URL (or --*-url).",
                "API token: CORESWARM_API_TOKEN, else $CORESWARM_HOME/api-token (CORESWARM_HOME: ~/.coreswarm)." })
public class CoreswarmCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }
}
