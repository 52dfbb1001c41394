package io.coreswarm.api.health;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.coreswarm.api.spec.ClusterSpec;

/**
 * A cluster to watch, built by coreswarm or not. {@code name} may be omitted (the path names the
 * target); {@code swarm} defaults to {@code mode} and {@code etcdApi} to {@code v3}.
 *
 * @param dockerEndpoints Docker engines: {@code tcp://host:port}; never a unix socket (the host's
 *                        own docker.sock would be readable through the monitor)
 * @param etcdEndpoints   etcd client URLs: {@code http://host:port}, or {@code https://host:port} with {@code tls}
 * @param swarm   {@code mode} (Swarm mode) or {@code classic} (the seed's swarm manager); any other
 *                value is a 400 naming the field and the allowed values
 * @param etcdApi {@code v3} (jetcd) or {@code v2} (the seed's etcd2, over HTTP); likewise
 * @param workloads the cluster's last workload check, as its provisioner tells it (optional):
 *                  a failed one makes the cluster DEGRADED, naming the nodes
 * @param tls       the CA and client certificate the engines ({@code --tlsverify}) and etcd members
 *                  ({@code --client-cert-auth}) want (optional; its key is never written out)
 */
public record MonitorTarget(
        @Pattern(regexp = ClusterSpec.DNS_LABEL, message = "must be a lowercase DNS label")
        String name,

        @Size(max = 99, message = "must list at most 99 endpoints")
        List<@NotNull(message = "must be an endpoint, not null") @Pattern(regexp = DOCKER_ENDPOINT, message = DOCKER_ENDPOINT_RULE) String> dockerEndpoints,

        @Size(max = 99, message = "must list at most 99 endpoints")
        List<@NotNull(message = "must be an endpoint, not null") @Pattern(regexp = ETCD_ENDPOINT, message = ETCD_ENDPOINT_RULE) String> etcdEndpoints,

        SwarmFlavour swarm,

        EtcdApi etcdApi,

        @Valid
        WorkloadReport workloads,

        @Valid
        TargetTls tls) {

    /** A target without a workload check (one not built by coreswarm, or not checked yet), in plain TCP. */
    public MonitorTarget(String name, List<String> dockerEndpoints, List<String> etcdEndpoints, SwarmFlavour swarm, EtcdApi etcdApi) {
        this(name, dockerEndpoints, etcdEndpoints, swarm, etcdApi, null, null);
    }

    /** A target in plain TCP. */
    public MonitorTarget(String name, List<String> dockerEndpoints, List<String> etcdEndpoints, SwarmFlavour swarm, EtcdApi etcdApi,
            WorkloadReport workloads) {
        this(name, dockerEndpoints, etcdEndpoints, swarm, etcdApi, workloads, null);
    }

    /** A host name, an IPv4 address or a bracketed IPv6 address. */
    static final String HOST = "([A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])";
    /** 1..65535 */
    static final String PORT = "([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";
    public static final String DOCKER_ENDPOINT = "tcp://" + HOST + ":" + PORT;
    public static final String DOCKER_ENDPOINT_RULE = "must be tcp://host:port (port 1-65535; unix sockets are refused)";
    public static final String ETCD_ENDPOINT = "https?://" + HOST + ":" + PORT;
    public static final String ETCD_ENDPOINT_RULE = "must be http://host:port or https://host:port (port 1-65535)";
}
