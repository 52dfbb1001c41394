package io.coreswarm.cli;

import io.coreswarm.cli.command.CoreswarmCommand;
import io.coreswarm.cli.exit.FailureHandler;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * The entry point. Plain picocli under {@code @QuarkusMain}: Quarkus's picocli extension is not
 * available for this platform version here, and the tree needs nothing of CDI (each command
 * builds its REST clients from its options), so picocli instantiates the commands itself. The
 * command classes are registered for reflection ({@code @RegisterForReflection}), which is all
 * picocli needs in a native image.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    @Override
    public int run(String... args) {
        return commandLine().execute(args);
    }

    /** The tree with its exit-code and error handling; also what {@code completion} generates from. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new CoreswarmCommand());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler(new FailureHandler());
        line.setParameterExceptionHandler(FailureHandler::usage);
        return line;
    }
}
