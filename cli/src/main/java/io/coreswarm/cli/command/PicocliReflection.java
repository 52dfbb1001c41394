package io.coreswarm.cli.command;

import io.coreswarm.cli.output.OutputFormat;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What picocli reads or creates reflectively beyond the annotated command classes (which register
 * themselves): the base classes whose options commands inherit, the converters it
 * instantiates, the enums it lists for completion and conversion, and its own help mixin
 * ({@code mixinStandardHelpOptions}). Quarkus's picocli extension would register these; without it
 * (see Main) this class does, for a native image.
 */
@RegisterForReflection(classNames = "picocli.CommandLine$AutoHelpMixin",
        targets = { ServiceCommand.class, ClusterOperationCommand.class, RenderCommand.class, EnumConverter.TargetConverter.class,
                EnumConverter.ProviderConverter.class, EnumConverter.ChannelConverter.class, OutputFormat.class, ReplicaServices.class,
                io.coreswarm.api.health.HealthStatus.class })
final class PicocliReflection {
    private PicocliReflection() {
    }
}
