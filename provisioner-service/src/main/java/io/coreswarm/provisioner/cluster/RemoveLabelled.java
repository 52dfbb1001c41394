package io.coreswarm.provisioner.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.operation.Step;

/**
 * Destroy's last word on the local target: every container, network and volume on the host's
 * dockerd that carries the cluster's label ({@link NodeLayout#CLUSTER_LABEL}) goes, whatever
 * Vagrant knows of it. After a cancelled create Vagrant may not know a container it was creating
 * (its id is written only once {@code docker create} returned), and {@code vagrant destroy} then
 * "succeeds" while the container, with every capability and Docker open, keeps running.
 *
 * <p>Containers go first (forced, with their anonymous volumes, such as each node's
 * {@code /var/lib/docker}), then networks, then labelled volumes. A container whose
 * {@code docker create} was still under way may appear a moment later, so the sweep is repeated
 * until one finds nothing; it fails the operation (the cluster stays, to be deleted again) if
 * something carrying the label cannot be removed.
 */
record RemoveLabelled(String dockerHost, String cluster) implements Step {
    private static final int SWEEPS = 5;

    @Override
    public String name() {
        return "remove containers, networks and volumes labelled " + NodeLayout.CLUSTER_LABEL + "=" + cluster;
    }

    @Override
    public void run(OperationContext op) throws IOException {
        String label = NodeLayout.CLUSTER_LABEL + "=" + cluster;
        try (DockerClient docker = DockerClientFactory.connect(dockerHost, Timeouts.CONTROL, null)) {
            for (int sweep = 1; sweep <= SWEEPS; sweep++) {
                List<String> removed = sweep(docker, label);
                if (removed.isEmpty()) {
                    return;
                }
                op.log("removed, carrying " + label + ": " + String.join(", ", removed));
                op.pause(1000);
            }
            List<String> left = sweep(docker, label);
            if (!left.isEmpty()) {
                throw new IllegalStateException("still carrying " + label + " after " + SWEEPS + " sweeps: " + String.join(", ", left));
            }
        }
    }

    /** Removes what carries the label now; says what it removed. */
    private static List<String> sweep(DockerClient docker, String label) {
        List<String> removed = new ArrayList<>();
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec()) {
            try {
                docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                // gone meanwhile
            }
            removed.add("container " + name(c));
        }
        for (Network n : docker.listNetworksCmd().withFilter("label", List.of(label)).exec()) {
            try {
                docker.removeNetworkCmd(n.getId()).exec();
            } catch (NotFoundException e) {
                // gone meanwhile
            }
            removed.add("network " + n.getName());
        }
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(label)).exec().getVolumes();
        if (volumes != null) {
            for (var v : volumes) {
                try {
                    docker.removeVolumeCmd(v.getName()).exec();
                } catch (NotFoundException e) {
                    // gone meanwhile
                }
                removed.add("volume " + v.getName());
            }
        }
        return removed;
    }

    private static String name(Container c) {
        String[] names = c.getNames();
        return names == null || names.length == 0 ? c.getId().substring(0, 12) : names[0].replaceFirst("^/", "");
    }

}
