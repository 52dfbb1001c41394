package io.coreswarm.api.health;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What monitor-service last saw of a cluster, and why it judged it so.
 *
 * @param checkedAt  when the poll that produced this ended; null before the first one
 * @param etcdQuorum etcd members up against the majority; null when etcd is not watched or did not answer
 * @param swarmManagers swarm managers reachable against the majority (Swarm mode); null otherwise
 * @param swarmFlavour the target's swarm flavour; null when the target has no Docker endpoints
 * @param swarmLeader the leading manager (Swarm mode) or the primary manager (classic swarm)
 * @param workloads the last workload check its provisioner reported (with the capability
 *                  conditions); null when none was
 */
@Schema(requiredProperties = { "cluster", "status", "reasons", "etcd", "swarm" })
public record ClusterHealth(
        String cluster,
        HealthStatus status,
        List<String> reasons,
        Instant checkedAt,
        Quorum etcdQuorum,
        String etcdLeader,
        List<EtcdMemberHealth> etcd,
        SwarmFlavour swarmFlavour,
        Quorum swarmManagers,
        String swarmLeader,
        List<SwarmNodeHealth> swarm,
        WorkloadReport workloads) {

    /** Health without a workload check. */
    public ClusterHealth(String cluster, HealthStatus status, List<String> reasons, Instant checkedAt, Quorum etcdQuorum,
            String etcdLeader, List<EtcdMemberHealth> etcd, SwarmFlavour swarmFlavour, Quorum swarmManagers, String swarmLeader,
            List<SwarmNodeHealth> swarm) {
        this(cluster, status, reasons, checkedAt, etcdQuorum, etcdLeader, etcd, swarmFlavour, swarmManagers, swarmLeader, swarm, null);
    }

    public static final String NOT_POLLED = "not polled yet";

    public static ClusterHealth notPolled(String cluster) {
        return new ClusterHealth(cluster, HealthStatus.UNKNOWN, List.of(NOT_POLLED), null,
                null, null, List.of(), null, null, null, List.of());
    }
}
