package io.coreswarm.provisioner.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;

/** What the host's real dockerd holds of a cluster: for setting up and for checking nothing is left. */
public final class HostDocker {
    public static final String LABEL = NodeLayout.CLUSTER_LABEL;

    private HostDocker() {
    }

    public static DockerClient client() {
        return DockerClientFactory.connect("unix:///var/run/docker.sock", Timeouts.CONTROL, null);
    }

    public static List<Container> containers(String cluster) {
        try (DockerClient docker = client()) {
            return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(LABEL + "=" + cluster)).exec();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static List<Network> networks(String cluster) {
        try (DockerClient docker = client()) {
            return docker.listNetworksCmd().exec().stream()
                    .filter(n -> n.getLabels() != null && cluster.equals(n.getLabels().get(LABEL))).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Set<String> volumes() {
        try (DockerClient docker = client()) {
            var volumes = docker.listVolumesCmd().exec().getVolumes();
            return volumes == null ? Set.of() : volumes.stream().map(v -> v.getName()).collect(Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Nothing of a destroyed cluster is left on the host: no container or network with its label,
     * and no volume that was not there before it was created (its nodes' /var/lib/docker).
     */
    public static void assertNothingLeft(String cluster, Set<String> volumesBefore) {
        assertEquals(List.of(), containers(cluster), "containers of " + cluster);
        assertEquals(List.of(), networks(cluster), "networks of " + cluster);
        Set<String> left = new HashSet<>(volumes());
        left.removeAll(volumesBefore);
        assertEquals(Set.of(), left, "the volumes of " + cluster + "'s nodes are gone");
    }

    /** Removes what an earlier, aborted run may have left of a cluster. */
    public static void removeLeftovers(String cluster) {
        try (DockerClient docker = client()) {
            for (Container c : containers(cluster)) {
                docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            }
            for (Network n : networks(cluster)) {
                docker.removeNetworkCmd(n.getId()).exec();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static boolean imageExists(String image) {
        try (DockerClient docker = client()) {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
