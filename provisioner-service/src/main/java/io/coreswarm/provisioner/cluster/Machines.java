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
import io.coreswarm.provisioner.model.ClusterRecord;
import io.coreswarm.provisioner.operation.OperationContext;
import io.coreswarm.provisioner.vagrant.Vagrant;

/**
 * A cluster's machines, through Vagrant in the workspace's machines folder. Each command tells
 * the caller the name of each machine as Vagrant reports reaching the milestone; whether that
 * counts as progress is the calling step's business.
 */
@ApplicationScoped
public class Machines {
    private final Vagrant vagrant;

    Machines(Vagrant vagrant) {
        this.vagrant = vagrant;
    }

    /** {@code vagrant up} of the given machines, all at once where the provider allows it. */
    public void up(OperationContext op, ClusterRecord c, List<NodeAddress> nodes, Consumer<String> started) {
        List<String> args = new ArrayList<>(List.of("up"));
        if (c.spec().provider().supportsParallelUp()) {
            args.add("--parallel");
        }
        nodes.forEach(n -> args.add(n.name()));
        vagrant.run(op.workspace().machines(), op, milestone("Starting container", started), args.toArray(String[]::new));
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
