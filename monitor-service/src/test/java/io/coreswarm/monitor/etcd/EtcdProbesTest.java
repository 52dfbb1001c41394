package io.coreswarm.monitor.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.coreswarm.api.health.EtcdApi;

/** Every etcd API has its probe, and only one. */
class EtcdProbesTest {

    @Test
    void eachApiIsReadByItsOwnProbe() {
        EtcdProbes probes = new EtcdProbes(List.of(new EtcdV2Probe(), new EtcdV3Probe()));
        assertInstanceOf(EtcdV3Probe.class, probes.of(EtcdApi.V3));
        assertInstanceOf(EtcdV2Probe.class, probes.of(EtcdApi.V2));
        for (EtcdApi api : EtcdApi.values()) {
            assertEquals(api, probes.of(api).api());
        }
    }

    @Test
    void aMissingOrATwiceClaimedApiStopsTheStart() {
        assertEquals("no etcd probe for v2",
                assertThrows(IllegalStateException.class, () -> new EtcdProbes(List.of(new EtcdV3Probe()))).getMessage());
        assertEquals("two etcd probes for v3: EtcdV3Probe and EtcdV3Probe",
                assertThrows(IllegalStateException.class,
                        () -> new EtcdProbes(List.of(new EtcdV3Probe(), new EtcdV2Probe(), new EtcdV3Probe()))).getMessage());
    }
}
