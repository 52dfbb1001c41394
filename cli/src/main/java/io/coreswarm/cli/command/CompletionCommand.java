package io.coreswarm.cli.command;

import java.util.concurrent.Callable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * picocli's completion script for the whole tree. bash: {@code source <(coreswarm completion bash)};
 * zsh runs the same script after {@code autoload -U +X bashcompinit && bashcompinit}.
 */
@RegisterForReflection
@Command(name = "completion", description = "Print a shell completion script: source <(coreswarm completion bash).")
class CompletionCommand implements Callable<Integer> {

    enum CompletionShell { bash, zsh }

    @Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash or zsh (default bash)")
    CompletionShell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash(root.getCommandName(), root);
        if (shell == CompletionShell.zsh) {
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
