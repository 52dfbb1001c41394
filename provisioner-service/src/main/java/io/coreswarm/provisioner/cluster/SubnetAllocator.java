package io.coreswarm.provisioner.cluster;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;

import io.coreswarm.provisioner.ProvisionerConfig;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;

/** Picks a /24 for a new local cluster that no docker network and no other cluster uses. */
@ApplicationScoped
public class SubnetAllocator {
    private final ProvisionerConfig config;
    private final Clusters clusters;

    SubnetAllocator(ProvisionerConfig config, Clusters clusters) {
        this.config = config;
        this.clusters = clusters;
    }

    public synchronized String allocate() {
        Set<String> taken = new HashSet<>();
        clusters.all().forEach(c -> taken.add(c.subnet()));
        try (DockerClient docker = DockerClientFactory.connect(config.dockerHost(), Timeouts.CONTROL, null)) {
            for (Network n : docker.listNetworksCmd().exec()) {
                if (n.getIpam() != null && n.getIpam().getConfig() != null) {
                    n.getIpam().getConfig().forEach(ipam -> taken.add(ipam.getSubnet()));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int third = 1; third < 255; third++) {
            String subnet = "172." + config.subnetSecondOctet() + "." + third + ".0/24";
            if (!taken.contains(subnet)) {
                return subnet;
            }
        }
        throw new io.coreswarm.api.problem.ProblemException(503, "Service Unavailable",
                "no free /24 left in 172." + config.subnetSecondOctet() + ".0.0/16");
    }
}
