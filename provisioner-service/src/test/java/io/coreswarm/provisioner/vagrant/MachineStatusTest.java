package io.coreswarm.provisioner.vagrant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.cluster.MachineState;

class MachineStatusTest {

    @Test
    void readsEachMachinesStateFromMachineReadableOutput() {
        // as vagrant 2.3.4 prints it for the docker provider (captured from a real run)
        String output = """
                1795555140,core-01,metadata,provider,docker
                1795555140,core-02,metadata,provider,docker
                1795555140,core-01,provider-name,docker
                1795555140,core-01,state,running
                1795555140,core-01,state-human-short,running
                1795555140,core-01,state-human-long,The container is created and running.%!(VAGRANT_COMMA) it is up
                1795555140,core-02,provider-name,docker
                1795555140,core-02,state,not_created
                1795555140,,ui,info,Current machine states:
                """;
        assertEquals(Map.of("core-01", MachineState.RUNNING, "core-02", MachineState.NOT_CREATED), MachineStatus.parse(output));
    }

    @Test
    void aStateIdItDoesNotKnowIsUnknownNotAFailure() {
        String output = """
                1795555140,core-01,state,gurumeditation
                1795555140,core-02,state,poweroff
                1795555140,core-03,state,host_state_unknown
                1795555140,core-04,state,
                """;
        assertEquals(Map.of("core-01", MachineState.UNKNOWN, "core-02", MachineState.POWEROFF,
                "core-03", MachineState.HOST_STATE_UNKNOWN, "core-04", MachineState.UNKNOWN), MachineStatus.parse(output));
    }
}
