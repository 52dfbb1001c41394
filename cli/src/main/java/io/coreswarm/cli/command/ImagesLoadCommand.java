package io.coreswarm.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;
import io.coreswarm.cli.output.Output;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code POST /v1/clusters/{name}/images} with a {@code docker save} archive as the body, read
 * from the file as it is sent; then the {@code load_images} operation, followed with {@code --wait}.
 */
@RegisterForReflection
@Command(name = "load", description = "Load a `docker save` archive into every node of a cluster (kind load image-archive).")
class ImagesLoadCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the cluster")
    String name;

    @Parameters(index = "1", paramLabel = "FILE.tar", description = "a `docker save` archive")
    Path archive;

    @Option(names = { "-w", "--wait" }, description = "follow the operation's log until it ends; exit 1 if it fails")
    boolean wait;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new CliFailure(ExitCode.USAGE, "no such file: " + archive);
        }
        Operation op;
        try (InputStream body = Files.newInputStream(archive)) {
            op = OperationWatch.accepted(services().images().load(name, body));
        }
        return new OperationWatch(services(), out(), err()).report(op, wait, output);
    }
}
