package io.coreswarm.provisioner.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.vagrant.Vagrant;

/** A cluster's machines, through Vagrant in the workspace's machines folder. */
@ApplicationScoped
public class Machines {
    private final Vagrant vagrant;

    Machines(Vagrant vagrant) {
        this.vagrant = vagrant;
    }

    /**
     * {@code vagrant up} of the given machines, all at once where the provider allows it.
     *
     * @param countNodes whether a started machine counts as a node done (not when a later step,
     *                   running beside this one, counts the nodes itself)
     */
    public void up(OperationContext op, ClusterRecord c, List<NodeAddress> nodes, boolean countNodes) {
        List<String> args = new ArrayList<>(List.of("up"));
        if (c.spec().provider().supportsParallelUp()) {
            args.add("--parallel");
        }
        nodes.forEach(n -> args.add(n.name()));
        vagrant.run(op.workspace().machines(), op, countNodes ? progress(op, "Starting container") : line -> { },
                args.toArray(String[]::new));
    }

    public void halt(OperationContext op) {
        vagrant.run(op.workspace().machines(), op, progress(op, "Stopping container"), "halt");
    }

    public void destroy(OperationContext op, List<NodeAddress> nodes) {
        List<String> args = new ArrayList<>(List.of("destroy", "-f"));
        nodes.forEach(n -> args.add(n.name()));
        vagrant.run(op.workspace().machines(), op, progress(op, "Deleting the container"), args.toArray(String[]::new));
    }

    /** Counts a machine done when Vagrant says it reached {@code milestone} ("==> core-02: Starting container..."). */
    private static Consumer<String> progress(OperationContext op, String milestone) {
        Pattern line = Pattern.compile("^==> (\\S+): " + Pattern.quote(milestone));
        Set<String> done = ConcurrentHashMap.newKeySet();
        return text -> {
            Matcher m = line.matcher(text);
            if (m.find() && done.add(m.group(1))) {
                op.nodeDone();
            }
        };
    }
}
