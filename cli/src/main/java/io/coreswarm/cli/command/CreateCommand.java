package io.coreswarm.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;

import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.spec.Channel;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.api.spec.Target;
import io.coreswarm.cli.output.Output;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code POST /v1/clusters}: the spec from flags; every flag left out takes the service's default. */
@RegisterForReflection
@Command(name = "create", description = "Create a cluster (flags left out take the service's defaults).")
class CreateCommand extends ServiceCommand {

    @Parameters(paramLabel = "NAME", description = "the cluster's name, a lowercase DNS label")
    String name;

    @Option(names = { "-n", "--nodes" }, paramLabel = "N", description = "nodes (1-99; default 5)")
    Integer nodes;

    @Option(names = "--memory", paramLabel = "MB", description = "memory per node in MB (default 1024)")
    Integer memory;

    @Option(names = "--cpus", paramLabel = "N", description = "cpus per node (default 1)")
    Integer cpus;

    @Option(names = "--target", paramLabel = "TARGET", converter = EnumConverter.TargetConverter.class,
            description = "local, flatcar or coreos-legacy (default local)")
    Target target;

    @Option(names = "--provider", paramLabel = "PROVIDER", converter = EnumConverter.ProviderConverter.class,
            description = "Vagrant provider: docker, virtualbox or libvirt (default: the target's)")
    Provider provider;

    @Option(names = "--channel", paramLabel = "CHANNEL", converter = EnumConverter.ChannelConverter.class,
            description = "alpha, beta, stable or lts (default alpha)")
    Channel channel;

    @Option(names = "--managers", paramLabel = "N", description = "swarm managers, odd (default: every node up to 7)")
    Integer managers;

    @Option(names = "--docker-port", paramLabel = "PORT", description = "Docker's TCP port (default 2376 with TLS, 2375 without)")
    Integer dockerPort;

    @Option(names = { "-l", "--label" }, paramLabel = "KEY=VALUE", description = "an engine label on every node (repeatable)")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--registry", description = "an image registry on the first node that every node trusts")
    boolean registry;

    @Option(names = "--tls", negatable = true, description = "Docker and etcd behind the cluster's own CA "
            + "(default: yes, except on coreos-legacy); --no-tls keeps plain TCP")
    Boolean tls;

    @Option(names = { "-w", "--wait" }, description = "follow the operation's log until it ends; exit 1 if it fails")
    boolean wait;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        ClusterSpec spec = new ClusterSpec(name, nodes, target, provider, channel, memory, cpus, dockerPort, managers,
                labels.isEmpty() ? null : labels, registry ? Boolean.TRUE : null, tls);
        Operation op = OperationWatch.accepted(services().clusters().create(spec));
        return new OperationWatch(services(), out(), err()).report(op, wait, output);
    }
}
