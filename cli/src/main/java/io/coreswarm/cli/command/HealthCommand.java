package io.coreswarm.cli.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.coreswarm.api.health.ClusterHealth;
import io.coreswarm.api.health.EtcdMemberHealth;
import io.coreswarm.api.health.HealthStatus;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.SwarmNodeHealth;
import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;
import io.coreswarm.cli.output.Output;
import io.coreswarm.cli.output.Table;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * monitor-service's {@code GET /v1/clusters/{name}/health}; without a name, every watched cluster's
 * ({@code GET /v1/targets}, then each one's health).
 */
@RegisterForReflection
@Command(name = "health", description = "Show a cluster's health (etcd, swarm, workloads); without NAME, every watched cluster's.")
class HealthCommand extends ServiceCommand {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "the cluster (default: all that monitor-service watches)")
    String name;

    @Mixin
    Output output;

    @Option(names = "--until", paramLabel = "STATUS", description = "with NAME: ask again (every 250 ms) until the health is "
            + "STATUS (HEALTHY, DEGRADED, DOWN, UNKNOWN); a cluster not watched yet counts as not there yet; exit 1 after --timeout")
    HealthStatus until;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "how long --until waits (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (until != null && name == null) {
            throw new ParameterException(spec.commandLine(), "--until needs a cluster NAME");
        }
        if (name == null) {
            List<ClusterHealth> all = new ArrayList<>();
            for (MonitorTarget t : services().targets().list()) {
                all.add(services().health().health(t.name()));
            }
            if (!output.table()) {
                output.print(all, out());
                return 0;
            }
            Table table = new Table("NAME", "STATUS", "ETCD", "SWARM", "CHECKED", "REASONS");
            for (ClusterHealth h : all) {
                table.row(h.cluster(), h.status(), quorum(h.etcdQuorum()),
                        quorum(h.swarmManagers()),
                        h.checkedAt(), h.reasons() == null || h.reasons().isEmpty() ? null : String.join("; ", h.reasons()));
            }
            table.print(out());
            return 0;
        }
        ClusterHealth h = until == null ? services().health().health(name) : await();
        if (!output.table()) {
            output.print(h, out());
            return 0;
        }
        PrintWriter out = out();
        out.printf("Cluster:   %s%n", h.cluster());
        out.printf("Status:    %s%n", h.status());
        out.printf("Checked:   %s%n", h.checkedAt() == null ? "-" : h.checkedAt());
        if (h.reasons() != null) {
            h.reasons().forEach(r -> out.printf("Reason:    %s%n", r));
        }
        if (h.workloads() != null) {
            out.printf("Workloads: %s (checked %s)%n", h.workloads().ok() ? "run on every node" : "FAILING on "
                    + h.workloads().failing().stream().map(f -> f.node()).toList(), h.workloads().checkedAt());
        }
        if (h.etcd() != null && !h.etcd().isEmpty()) {
            out.println();
            out.printf("etcd:      quorum %s, leader %s%n", quorum(h.etcdQuorum()), h.etcdLeader());
            Table etcd = new Table("ETCD MEMBER", "ENDPOINT", "REACHABLE", "LEADER", "VERSION", "ERROR");
            for (EtcdMemberHealth m : h.etcd()) {
                etcd.row(m.name(), m.endpoint(), m.reachable(), m.leader(), m.version(), m.error());
            }
            etcd.print(out);
        }
        if (h.swarm() != null && !h.swarm().isEmpty()) {
            out.println();
            out.printf("swarm:     %s, managers %s, leader %s%n", h.swarmFlavour(), quorum(h.swarmManagers()), h.swarmLeader());
            Table swarm = new Table("SWARM NODE", "ADDRESS", "ROLE", "STATE", "AVAILABILITY", "LEADER", "ENGINE");
            for (SwarmNodeHealth n : h.swarm()) {
                swarm.row(n.hostname(), n.address(), n.role(), n.state(), n.availability(), n.leader(), n.engineVersion());
            }
            swarm.print(out);
        }
        out.flush();
        return 0;
    }

    static String quorum(io.coreswarm.api.health.Quorum q) {
        return q == null ? null : q.up() + "/" + q.members() + (q.held() ? " held" : " LOST");
    }

    /** The health once it is {@link #until}; a failure (exit 1) naming the last one seen when the timeout passes first. */
    private ClusterHealth await() {
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(0, timeoutSeconds)).toNanos();
        String last = "not watched yet";
        while (true) {
            try {
                ClusterHealth h = services().health().health(name);
                if (h.status() == until) {
                    return h;
                }
                last = h.status() + (h.reasons() == null || h.reasons().isEmpty() ? "" : " (" + String.join("; ", h.reasons()) + ")");
            } catch (CliFailure f) {
                if (f.exitCode() != ExitCode.NOT_FOUND) {
                    throw f;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new CliFailure(ExitCode.FAILED, name + " is not " + until + " after " + timeoutSeconds + " s: " + last);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure(ExitCode.FAILED, "interrupted");
            }
        }
    }
}
