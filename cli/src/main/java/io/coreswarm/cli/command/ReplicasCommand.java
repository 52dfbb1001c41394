package io.coreswarm.cli.command;

import java.util.ArrayList;
import java.util.List;

import io.coreswarm.api.replica.Replica;
import io.coreswarm.api.replica.ServiceName;
import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;
import io.coreswarm.cli.exit.FailureHandler;
import io.coreswarm.cli.output.Output;
import io.coreswarm.cli.output.Table;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code GET /v1/replicas} of one service or of each: its live replicas, where they are and what
 * each holds alone. With several services, one that cannot answer does not hide the others: what
 * answered is printed, each failure is a line on stderr, and the exit code is the first failure's.
 */
@RegisterForReflection
@Command(name = "replicas", description = { "List the services' live replicas: address, host, store and what each holds "
        + "(the provisioner's clusters, the monitor's polled targets).",
        "The replica that answered is marked * after its id (with --*-url, the one it names)." })
class ReplicasCommand extends ServiceCommand {
    /** The table shows this many of what a replica holds; -o json|yaml shows all. */
    static final int HOLDS_SHOWN = 3;

    @Option(names = { "-s", "--service" }, paramLabel = "SERVICE", defaultValue = "all",
            description = "config, provisioner, monitor or all (default ${DEFAULT-VALUE})")
    ReplicaServices service;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        List<Replica> replicas = new ArrayList<>();
        CliFailure first = null;
        for (ServiceName s : service.services()) {
            try {
                replicas.addAll(services().replicas(s).list());
            } catch (RuntimeException e) {
                CliFailure failure = named(s, FailureHandler.classify(e));
                if (service.services().size() == 1) {
                    throw failure;
                }
                err().println("coreswarm: " + failure.getMessage());
                err().flush();
                first = first == null ? failure : first;
            }
        }
        if (!output.table()) {
            output.print(replicas, out());
        } else {
            Table table = new Table("ID", "SERVICE", "ADDRESS", "HOST", "STORE", "HOLDS");
            for (Replica r : replicas) {
                table.row(r.self() ? r.id() + " *" : r.id(), r.service(), r.address(), r.host(), r.store(), holds(r.holds()));
            }
            table.print(out());
        }
        return first == null ? ExitCode.OK.code() : first.exitCode().code();
    }

    /** The failure with the service's name; a 404 is a service from before replicas, since every one serves the route now. */
    private static CliFailure named(ServiceName service, CliFailure failure) {
        if (failure.exitCode() == ExitCode.NOT_FOUND) {
            return new CliFailure(ExitCode.FAILED, service + " does not serve GET /v1/replicas (it came with the state store): upgrade it");
        }
        return new CliFailure(failure.exitCode(), service + ": " + failure.getMessage());
    }

    static String holds(List<String> holds) {
        if (holds.isEmpty()) {
            return null;
        }
        String shown = String.join(",", holds.subList(0, Math.min(HOLDS_SHOWN, holds.size())));
        return holds.size() > HOLDS_SHOWN ? shown + " (+" + (holds.size() - HOLDS_SHOWN) + ")" : shown;
    }
}
