package io.coreswarm.monitor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.health.SwarmFlavour;

/** Every flavour has its probe, and only one. */
class SwarmProbesTest {

    @Test
    void eachFlavourIsReadByItsOwnProbe() {
        SwarmProbes probes = new SwarmProbes(List.of(new ClassicSwarmProbe(), new SwarmModeProbe()));
        assertInstanceOf(SwarmModeProbe.class, probes.of(SwarmFlavour.MODE));
        assertInstanceOf(ClassicSwarmProbe.class, probes.of(SwarmFlavour.CLASSIC));
        for (SwarmFlavour flavour : SwarmFlavour.values()) {
            assertEquals(flavour, probes.of(flavour).flavour());
        }
    }

    @Test
    void aMissingOrATwiceClaimedFlavourStopsTheStart() {
        assertEquals("no swarm probe for classic",
                assertThrows(IllegalStateException.class, () -> new SwarmProbes(List.of(new SwarmModeProbe()))).getMessage());
        assertEquals("two swarm probes for mode: SwarmModeProbe and SwarmModeProbe",
                assertThrows(IllegalStateException.class,
                        () -> new SwarmProbes(List.of(new SwarmModeProbe(), new SwarmModeProbe(), new ClassicSwarmProbe())))
                        .getMessage());
    }
}
