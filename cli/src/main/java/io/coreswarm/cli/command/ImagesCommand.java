package io.coreswarm.cli.command;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code images load}: the group, which only names its subcommands. */
@RegisterForReflection
@Command(name = "images", description = "Images in a cluster without a registry.", subcommands = ImagesLoadCommand.class)
class ImagesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: load");
    }
}
