package io.coreswarm.provisioner.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.docker.DockerClientFactory;
import io.coreswarm.docker.Timeouts;
import io.coreswarm.provisioner.ProvisionerConfig;
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.vagrant.Vagrant;
import io.coreswarm.provisioner.vagrant.VagrantFailure;

/**
 * A cluster's machines, through Vagrant in the workspace's machines folder. Each command tells
 * the caller the name of each machine as Vagrant reports reaching the milestone; whether that
 * counts as progress is the calling step's business.
 */
@ApplicationScoped
public class Machines {
    private final Vagrant vagrant;
    private final ProvisionerConfig config;

    Machines(Vagrant vagrant, ProvisionerConfig config) {
        this.vagrant = vagrant;
        this.config = config;
    }

    /** {@code vagrant up} of the given machines, all at once where the provider allows it. */
    public void up(OperationContext op, ClusterRecord c, List<NodeAddress> nodes, Consumer<String> started) {
        if (c.spec().provider() == Provider.DOCKER && c.subnet() != null) {
            CompletableFuture.runAsync(() -> createNetwork(op, c));
        }
        List<String> args = new ArrayList<>(List.of("up"));
        if (c.spec().provider().supportsParallelUp()) {
            args.add("--parallel");
        }
        nodes.forEach(n -> args.add(n.name()));
        Consumer<String> watcher = milestone("Starting container", started);
        try {
            vagrant.run(op.workspace().machines(), op, watcher, args.toArray(String[]::new));
        } catch (VagrantFailure e) {
            if (c.spec().provider() != Provider.DOCKER || !lostContainerRace(e)) {
                throw e;
            }
            // up is idempotent: the machines already made are started, the one that failed is made
            op.log("vagrant's docker provider lost a container it was reading (a race of its own, see below): vagrant up again");
            vagrant.run(op.workspace().machines(), op, watcher, args.toArray(String[]::new));
        }
    }

    /**
     * Before making a container, Vagrant's docker provider (2.3.4, PrepareForwardedPortCollisionParams)
     * lists every container on the host ({@code docker ps -a}) and inspects each in turn; a container
     * that another machine of the same {@code up --parallel} is creating at that moment can be
     * listed and not yet inspectable, and {@code up} fails with "No such object" for it. Seen once in
     * four 5-node creates once the network trigger stopped staggering the machines' starts.
     */
    private static boolean lostContainerRace(VagrantFailure e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("\"inspect\"") && m.contains("No such object");
    }

    /**
     * The cluster's docker network, made as the Vagrantfile's trigger makes it (same name, subnet
     * and label) while Vagrant's Ruby still starts (about 1 s), so that the trigger finds it
     * instead of making it with every node's start waiting (with the trigger's change, from the
     * trigger to "Creating the container" took 0.65 s instead of 0.6-1.1 s; under different load,
     * not measured alone). The
     * trigger stays the Vagrantfile's own way to it (a plain {@code vagrant up} needs nothing
     * else); whichever of the two comes second finds the network there (the same subnet cannot be
     * taken twice), and any trouble here is left for the trigger to report.
     */
    private void createNetwork(OperationContext op, ClusterRecord c) {
        String name = NodeLayout.networkName(c.name());
        try (DockerClient docker = DockerClientFactory.connect(config.dockerHost(), Timeouts.CONTROL, null)) {
            if (docker.listNetworksCmd().withNameFilter(name).exec().stream().noneMatch(n -> name.equals(n.getName()))) {
                docker.createNetworkCmd().withName(name).withCheckDuplicate(true)
                        .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(c.subnet())))
                        .withLabels(Map.of(NodeLayout.CLUSTER_LABEL, c.name())).exec();
            }
        } catch (Exception e) {
            op.log("docker network " + name + " not made ahead of Vagrant (" + e.getMessage() + "); its trigger makes it");
        }
    }

    /** {@code vagrant halt} of every machine. */
    public void halt(OperationContext op, Consumer<String> stopped) {
        vagrant.run(op.workspace().machines(), op, milestone("Stopping container", stopped), "halt");
    }

    /** {@code vagrant destroy -f} of the given machines, or of every machine when none is given. */
    public void destroy(OperationContext op, List<NodeAddress> nodes, Consumer<String> deleted) {
        List<String> args = new ArrayList<>(List.of("destroy", "-f"));
        nodes.forEach(n -> args.add(n.name()));
        vagrant.run(op.workspace().machines(), op, milestone("Deleting the container", deleted), args.toArray(String[]::new));
    }

    /** Tells {@code reached} once per machine when Vagrant says it got there ("==> core-02: Starting container..."). */
    private static Consumer<String> milestone(String milestone, Consumer<String> reached) {
        Pattern line = Pattern.compile("^==> (\\S+): " + Pattern.quote(milestone));
        Set<String> done = ConcurrentHashMap.newKeySet();
        return text -> {
            Matcher m = line.matcher(text);
            if (m.find() && done.add(m.group(1))) {
                reached.accept(m.group(1));
            }
        };
    }
}
