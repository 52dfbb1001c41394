package io.coreswarm.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.coreswarm.api.validation.Finding;
import io.coreswarm.api.validation.ValidationReport;
import io.coreswarm.cli.exit.ExitCode;
import io.coreswarm.cli.output.Output;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * config-service's {@code POST /v1/validations/cloud-config}: findings as
 * {@code coreos-cloudinit -validate} prints them; exit 1 when any is an error.
 */
@RegisterForReflection
@Command(name = "validate", description = "Validate a cloud-config user-data file; exit 1 when it has errors.")
class ValidateCommand extends ServiceCommand {

    @Parameters(paramLabel = "FILE", description = "the user-data file; - reads stdin")
    Path file;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        String userData = new String(InputFiles.read(file, InputFiles.MAX_SPEC), StandardCharsets.UTF_8);
        ValidationReport report = services().validations().validate(userData);
        if (!output.table()) {
            output.print(report, out());
        } else {
            for (Finding f : report.findings()) {
                out().printf("%s:%d:%d: %s: %s%s%n", file, f.line(), f.column(), f.severity(),
                        f.path() == null ? "" : f.path() + ": ", f.message());
            }
            out().printf("%s: %s (%s)%n", file, report.valid() ? "valid" : "invalid", report.format());
            out().flush();
        }
        return report.valid() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }
}
