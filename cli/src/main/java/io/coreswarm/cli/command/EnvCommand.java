package io.coreswarm.cli.command;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code GET /v1/clusters/{name}/env?shell=&unset=}: printed as the provisioner writes it, for
 * {@code eval "$(coreswarm env demo)"}.
 */
@RegisterForReflection
@Command(name = "env", description = "Print the shell exports for a cluster: eval \"$(coreswarm env NAME)\".")
class EnvCommand extends ServiceCommand {

    /** The shells the provisioner writes for (docker-machine's env --shell). */
    enum Shell { bash, zsh, fish, powershell }

    @Parameters(paramLabel = "NAME", description = "the cluster")
    String name;

    @Option(names = "--shell", paramLabel = "SHELL", description = "bash, zsh, fish or powershell (default: the provisioner's, bash)")
    Shell shell;

    @Option(names = { "-u", "--unset" }, description = "print the lines that undo the exports")
    boolean unset;

    @Override
    public Integer call() {
        String text = services().clusters().env(name, shell == null ? null : shell.name(), unset);
        out().print(text.endsWith("\n") ? text : text + "\n");
        out().flush();
        return 0;
    }
}
