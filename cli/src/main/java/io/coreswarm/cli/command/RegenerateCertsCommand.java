package io.coreswarm.cli.command;

import jakarta.ws.rs.core.Response;

import io.coreswarm.api.cluster.RegenerateCertsRequest;
import io.coreswarm.cli.client.Services;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The provisioner's {@code regenerate-certs} operation, as docker-machine's {@code regenerate-certs}. */
@RegisterForReflection
@Command(name = "regenerate-certs", description = "Renew the nodes' certificates and keys; restarts each node's dockerd and etcd.")
class RegenerateCertsCommand extends ClusterOperationCommand {

    @Option(names = "--ca", description = "a new CA and client certificate too: every copy of the old client files stops working"
            + " (fetch them again with coreswarm certs)")
    boolean newCa;

    @Override
    Response start(Services services, String cluster) {
        return services.regenerateCerts().regenerate(cluster, new RegenerateCertsRequest(newCa));
    }
}
