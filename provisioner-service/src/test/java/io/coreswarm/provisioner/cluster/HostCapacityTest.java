package io.coreswarm.provisioner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.problem.Problem;
import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Target;

/** The host rules on their own (a VM target: sized by this machine), as create and scale-up apply them. */
class HostCapacityTest {
    final HostCapacity capacity = new HostCapacity("unix:///nonexistent.sock", 2048, 4);
    final HostCapacity.Host host = capacity.host(ClusterSpec.named("x").withTarget(Target.FLATCAR).provider());

    @Test
    void aScaleBeyondTheHostBlamesNodes() {
        int nodes = (int) Math.min(99, (host.memoryMb() - 2048) / 1024 + 1);
        ClusterSpec grown = ClusterSpec.named("grown").withTarget(Target.FLATCAR).withNodes(nodes);
        if ((long) nodes * 1024 <= host.memoryMb() - 2048 && nodes <= 4L * host.cpus()) {
            return; // a host too large for 99 nodes of 1 GB
        }
        ProblemException e = assertThrows(ProblemException.class, () -> capacity.check(grown, "nodes"));
        List<Problem.Violation> violations = e.problem().violations();
        assertEquals(400, e.problem().status());
        assertTrue(violations.stream().allMatch(v -> v.field().equals("nodes")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.rule().startsWith("nodes × ")), violations.toString());
    }

    @Test
    void theSeedsClusterFits() {
        if (host.memoryMb() - 2048 >= 5 * 1024 && host.cpus() * 4 >= 5) {
            capacity.check(ClusterSpec.named("seed").withTarget(Target.FLATCAR), null);
        }
    }
}
