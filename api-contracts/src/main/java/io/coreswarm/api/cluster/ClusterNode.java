package io.coreswarm.api.cluster;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A machine of a cluster, as the provisioner last knew it (reading it never runs Vagrant).
 *
 * @param state       Vagrant's state of the machine, as an operation or the provisioner's
 *                    background {@code vagrant status} last confirmed it
 * @param confirmedAt when {@code state} was last confirmed; null while it never was
 * @param swarmRole   the role the node has in the swarm's plan: the first {@code spec.managers}
 *                    nodes are managers, the others workers
 */
@Schema(requiredProperties = { "name", "state", "address", "swarmRole" })
public record ClusterNode(String name, MachineState state, Instant confirmedAt, String address, SwarmRole swarmRole) {
}
