package io.coreswarm.provisioner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.cluster.ClusterPhase;
import io.coreswarm.api.cluster.MachineState;
import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering.NodeAddress;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.api.spec.Target;
import io.coreswarm.provisioner.model.ClusterRecord;

/** What an operation's success confirms of the machines, and the phase a restart reads from their states. */
class ClusterPhasesTest {

    static ClusterRecord cluster(Target target, Provider provider) {
        List<NodeAddress> nodes = List.of(new NodeAddress(NodeLayout.machineName(1), "172.29.1.101"),
                new NodeAddress(NodeLayout.machineName(2), "172.29.1.102"));
        return new ClusterRecord(new ClusterSpec("c", 2, target, provider, null, null, null, null, 1, null),
                null, null, nodes, ClusterPhase.PROVISIONING, List.of(), Instant.now(), "op-1", null);
    }

    @Test
    void aSuccessConfirmsEveryMachineRunningOrHaltedAsTheProviderCallsIt() {
        ClusterRecord running = ClusterPhases.confirmed(cluster(Target.LOCAL, Provider.DOCKER), ClusterPhase.RUNNING);
        for (String node : running.nodeNames()) {
            assertEquals(MachineState.RUNNING, running.machine(node).state());
            assertNotNull(running.machine(node).confirmedAt());
        }
        assertEquals(MachineState.STOPPED, ClusterPhases.confirmed(cluster(Target.LOCAL, Provider.DOCKER), ClusterPhase.HALTED)
                .machine(NodeLayout.machineName(2)).state());
        assertEquals(MachineState.POWEROFF, ClusterPhases.confirmed(cluster(Target.FLATCAR, Provider.VIRTUALBOX), ClusterPhase.HALTED)
                .machine(NodeLayout.machineName(1)).state());
        assertEquals(MachineState.SHUTOFF, ClusterPhases.halted(Provider.LIBVIRT));

        ClusterRecord c = cluster(Target.LOCAL, Provider.DOCKER);
        assertSame(c, ClusterPhases.confirmed(c, ClusterPhase.FAILED), "nothing is confirmed of a phase that says nothing of machines");
        assertEquals(MachineState.UNKNOWN, c.machine(NodeLayout.machineName(1)).state());
        assertEquals(null, c.machine(NodeLayout.machineName(1)).confirmedAt());
    }

    @Test
    void vagrantStatusReplacesEveryStateAndAMachineItDoesNotListIsUnknown() {
        Instant at = Instant.now();
        ClusterRecord c = cluster(Target.LOCAL, Provider.DOCKER)
                .withMachines(Map.of(NodeLayout.machineName(1), MachineState.STOPPED, "core-77", MachineState.RUNNING), at);
        assertEquals(MachineState.STOPPED, c.machine(NodeLayout.machineName(1)).state());
        assertEquals(MachineState.UNKNOWN, c.machine(NodeLayout.machineName(2)).state());
        assertEquals(at, c.machine(NodeLayout.machineName(2)).confirmedAt());
        assertEquals(2, c.machines().size(), "only the cluster's own nodes");
    }

    @Test
    void aRestartReadsThePhaseFromTheMachines() {
        assertEquals(ClusterPhase.RUNNING, MachineReconciler.phaseOf(List.of(MachineState.RUNNING, MachineState.RUNNING)));
        assertEquals(ClusterPhase.HALTED, MachineReconciler.phaseOf(List.of(MachineState.STOPPED, MachineState.POWEROFF, MachineState.SAVED)));
        assertEquals(ClusterPhase.PENDING, MachineReconciler.phaseOf(List.of(MachineState.NOT_CREATED)));
        assertEquals(ClusterPhase.PENDING, MachineReconciler.phaseOf(List.of()));
        assertEquals(ClusterPhase.UNKNOWN, MachineReconciler.phaseOf(List.of(MachineState.RUNNING, MachineState.STOPPED)));
        assertEquals(ClusterPhase.UNKNOWN, MachineReconciler.phaseOf(List.of(MachineState.RUNNING, MachineState.UNKNOWN)));
    }
}
